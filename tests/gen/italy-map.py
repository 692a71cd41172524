#!/usr/bin/env python3
"""Build share/wfkit/italy-regions.txt, the map of Italy of wf-report's HTML
maps, from the npm package @svg-maps/italy (CC BY 4.0) and a geocoded comuni
list, and fit the projection from longitude/latitude to the outlines.

  npm pack @svg-maps/italy && tar xzf svg-maps-italy-*.tgz
  python3 tests/gen/italy-map.py package/italy.svg \
      ../shared/data/comuni/comuni_geocoded.csv > share/wfkit/italy-regions.txt

The outlines are Mercator-like; the fit is affine in (longitude,
Mercator latitude):  x = a*lon + e*M + b,  y = g*lon + c*M + d.  It starts
from a least-squares match of each region's bounding box against the
1st-99th percentile box of its comuni, then a pattern search maximises the
number of comuni (a fixed random sample of 1500) that fall inside their own
region's outline. Geocoding errors (points outside Italy or far from their
region's median) are left out first. Standard library only; deterministic.
"""
import csv, math, random, re, sys

ISTAT = [  # ISTAT code, svg id, Italian name, English name
    ("01", "piedmont", "Piemonte", "Piedmont"),
    ("02", "aosta-valley", "Valle d'Aosta", "Aosta Valley"),
    ("03", "lombardy", "Lombardia", "Lombardy"),
    ("04", "trentino-south-tyrol", "Trentino-Alto Adige", "Trentino-South Tyrol"),
    ("05", "veneto", "Veneto", "Veneto"),
    ("06", "friuli-venezia-giulia", "Friuli-Venezia Giulia", "Friuli-Venezia Giulia"),
    ("07", "liguria", "Liguria", "Liguria"),
    ("08", "emilia-romagna", "Emilia-Romagna", "Emilia-Romagna"),
    ("09", "tuscany", "Toscana", "Tuscany"),
    ("10", "umbria", "Umbria", "Umbria"),
    ("11", "marche", "Marche", "Marche"),
    ("12", "lazio", "Lazio", "Lazio"),
    ("13", "abruzzo", "Abruzzo", "Abruzzo"),
    ("14", "molise", "Molise", "Molise"),
    ("15", "campania", "Campania", "Campania"),
    ("16", "apulia", "Puglia", "Apulia"),
    ("17", "basilicata", "Basilicata", "Basilicata"),
    ("18", "calabria", "Calabria", "Calabria"),
    ("19", "sicily", "Sicilia", "Sicily"),
    ("20", "sardinia", "Sardegna", "Sardinia"),
]


def parse_path(d):
    """Relative 'm'/'z' path data (all the package uses) -> absolute rings."""
    toks = re.findall(r"[a-zA-Z]|-?[0-9.]+(?:e-?[0-9]+)?", d)
    rings, cur, x, y, sx, sy, cmd, i = [], None, 0.0, 0.0, 0.0, 0.0, None, 0
    while i < len(toks):
        t = toks[i]
        if t.isalpha():
            if t not in "mMlLzZ":
                sys.exit("italy-map.py: path command %r not handled" % t)
            cmd = t
            i += 1
            if t in "zZ":
                if cur:
                    rings.append(cur)
                cur, x, y = None, sx, sy
            continue
        a, b = float(toks[i]), float(toks[i + 1])
        i += 2
        if cmd in "mM":
            x, y = (x + a, y + b) if cmd == "m" else (a, b)
            sx, sy = x, y
            if cur:
                rings.append(cur)
            cur = [(x, y)]
            cmd = "l" if cmd == "m" else "L"
        else:
            x, y = (x + a, y + b) if cmd == "l" else (a, b)
            cur.append((x, y))
    if cur:
        rings.append(cur)
    return rings


def inside(rings, x, y):
    c = False
    for r in rings:
        n = len(r)
        for k in range(n):
            x1, y1 = r[k]
            x2, y2 = r[k - 1]
            if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
                c = not c
    return c


def merc(lat):
    return math.degrees(math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)))


def pct(v, q):
    v = sorted(v)
    return v[int(q * (len(v) - 1))]


def lsq(pairs):
    n = len(pairs)
    sx = sum(u for u, _ in pairs)
    sy = sum(v for _, v in pairs)
    sxx = sum(u * u for u, _ in pairs)
    sxy = sum(u * v for u, v in pairs)
    a = (n * sxy - sx * sy) / (n * sxx - sx * sx)
    return a, (sy - a * sx) / n


def main():
    svg = open(sys.argv[1], encoding="utf-8").read()
    m = re.search(r'viewBox="([^"]+)"', svg)
    paths = dict((pid, d) for pid, d in re.findall(r'<path\s+id="([^"]+)"[^>]*?\sd="([^"]+)"', svg))
    regs = {code: parse_path(paths[sid]) for code, sid, _, _ in ISTAT}
    pts, seen = {}, set()
    with open(sys.argv[2], encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter=";"):
            if row["codiceComune"] in seen:
                continue
            seen.add(row["codiceComune"])
            try:
                lon, lat = float(row["longitudine"]), float(row["latitudine"])
            except ValueError:
                continue
            if 6.6 < lon < 18.6 and 35.4 < lat < 47.1:
                pts.setdefault(row["codiceRegione"], []).append((lon, lat))
    clean = {}
    for code, P in pts.items():
        mlo, mla = pct([p[0] for p in P], .5), pct([p[1] for p in P], .5)
        clean[code] = [p for p in P if abs(p[0] - mlo) < 2.6 and abs(p[1] - mla) < 2.0]
    X, Y = [], []
    for code, rings in regs.items():
        xs = [p[0] for r in rings for p in r]
        ys = [p[1] for r in rings for p in r]
        lo = [p[0] for p in clean[code]]
        la = [p[1] for p in clean[code]]
        X += [(pct(lo, .01), min(xs)), (pct(lo, .99), max(xs))]
        Y += [(merc(pct(la, .99)), min(ys)), (merc(pct(la, .01)), max(ys))]
    a, b = lsq(X)
    c, d = lsq(Y)
    pr = [a, b, c, d, 0.0, 0.0]
    every = [(code, p) for code, P in sorted(clean.items()) for p in P]
    random.seed(1)
    sample = random.sample(every, 1500)

    def score(q, S):
        a, b, c, d, e, g = q
        return sum(1 for code, (lo, la) in S
                   if inside(regs[code], a * lo + e * merc(la) + b, g * lo + c * merc(la) + d))

    # Steps move one coefficient while keeping the map centre (12.5E, 42N) in place.
    m42 = merc(42)
    best = score(pr, sample)
    steps = [1.0, 8.0, 1.0, 30.0, 0.5, 0.5]
    for _ in range(8):
        better = True
        while better:
            better = False
            for k in range(6):
                for sgn in (1, -1):
                    q = list(pr)
                    q[k] += sgn * steps[k]
                    if k == 0: q[1] -= sgn * steps[k] * 12.5
                    if k == 2: q[3] -= sgn * steps[k] * m42
                    if k == 4: q[1] -= sgn * steps[k] * m42
                    if k == 5: q[3] -= sgn * steps[k] * 12.5
                    s = score(q, sample)
                    if s > best:
                        best, pr, better = s, q, True
        steps = [s / 2 for s in steps]
    total = score(pr, every)
    out = sys.stdout
    out.write("# wfkit: the 20 regions of Italy for wf-report's HTML maps (one region a line).\n"
              "# Outlines: @svg-maps/italy 2.0.0 by Victor Cazanave, based on MapSVG\n"
              "# (https://mapsvg.com/maps/italy), licensed CC BY 4.0\n"
              "# (https://creativecommons.org/licenses/by/4.0/). Changes: relative path data\n"
              "# made absolute and rounded to 0.1, regions keyed by ISTAT code with Italian and\n"
              "# English names. Written by tests/gen/italy-map.py; see share/wfkit/LICENSE.italy-map.\n"
              "# projection: x = a*lon + e*M + b, y = g*lon + c*M + d, M = Mercator latitude in\n"
              "# degrees (ln tan(pi/4 + lat/2), in degrees); fitted from %d geocoded comuni, %d\n"
              "# of them (%.1f%%) inside their own region's outline.\n"
              % (len(every), total, 100.0 * total / len(every)))
    out.write("viewbox\t%s\n" % m.group(1))
    out.write("attribution\tConfini: @svg-maps/italy (MapSVG), CC BY 4.0\t"
              "Outlines: @svg-maps/italy (MapSVG), CC BY 4.0\n")
    out.write("projection\t%.6f\t%.6f\t%.6f\t%.6f\t%.6f\t%.6f\n" % tuple(pr))
    for code, sid, it, en in ISTAT:
        parts = []
        for r in regs[code]:
            pts_ = []
            for x, y in r:
                s = "%.1f %.1f" % (x, y)
                if not pts_ or pts_[-1] != s:
                    pts_.append(s)
            parts.append("M" + " ".join(pts_) + "Z")
        out.write("region\t%s\t%s\t%s\t%s\n" % (code, it, en, "".join(parts)))
    sys.stderr.write("italy-map.py: %d of %d comuni inside their region (%.1f%%)\n"
                     % (total, len(every), 100.0 * total / len(every)))


if __name__ == "__main__":
    main()
