#!/usr/bin/env python3
"""png_check.py FILE.png: exit 0 when the screenshot shows a page, not a
blank one: at least 2% of its pixels differ from the most common colour
and it has more than 16 distinct colours. Decodes 8-bit RGB/RGBA PNGs
(what Chromium writes) with the standard library only."""
import struct
import sys
import zlib
from collections import Counter


def pixels(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    pos, idat, w = 8, b"", 0
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            w, h, depth, ctype = struct.unpack(">IIBB", body[:10])
            if depth != 8 or ctype not in (2, 6):
                raise ValueError("unsupported PNG (depth %d, colour type %d)" % (depth, ctype))
            bpp = 3 if ctype == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    raw = zlib.decompress(idat)
    stride = w * bpp
    prev = bytearray(stride)
    rows = []
    for y in range(h):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pr = a if pa <= pb and pa <= pc else b if pb <= pc else c
                line[i] = (line[i] + pr) & 255
        rows.append(bytes(line))
        prev = line
    return w, h, bpp, rows


def main():
    path = sys.argv[1]
    w, h, bpp, rows = pixels(path)
    count = Counter()
    for y in range(0, h, 2):  # every other row and column: enough, and fast
        r = rows[y]
        for x in range(0, w, 2):
            count[r[x * bpp:x * bpp + 3]] += 1
    total = sum(count.values())
    top = count.most_common(1)[0][1]
    other = 1 - top / total
    if other < 0.02 or len(count) <= 16:
        print("png_check: %s looks blank (%.1f%% non-background, %d colours)"
              % (path, other * 100, len(count)), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
