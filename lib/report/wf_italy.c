#include "wf_italy.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "wf_err.h"

struct ring {
	double *xy; /* x0 y0 x1 y1 ... */
	size_t n;   /* points */
};

struct region {
	char code[3];
	char *name[WF_LANG_COUNT];
	char *path;
	struct ring *rings;
	size_t nrings;
	double x0, y0, x1, y1; /* bounding box, for a quick reject */
};

struct wf_italy {
	double w, h;
	double a, b, c, d, e, g; /* x = a*lon + e*M + b; y = g*lon + c*M + d */
	char *attribution[WF_LANG_COUNT];
	struct region reg[WF_ITALY_NREGIONS];
	int nreg;
};

void wf_italy_free(wf_italy *m)
{
	if (!m)
		return;
	for (int i = 0; i < WF_LANG_COUNT; i++)
		free(m->attribution[i]);
	for (int r = 0; r < m->nreg; r++) {
		struct region *g = &m->reg[r];
		for (int i = 0; i < WF_LANG_COUNT; i++)
			free(g->name[i]);
		free(g->path);
		for (size_t k = 0; k < g->nrings; k++)
			free(g->rings[k].xy);
		free(g->rings);
	}
	free(m);
}

/* Split a line into at most max TAB-separated fields (in place). */
static size_t fields(char *line, char **f, size_t max)
{
	size_t n = 0;

	while (n < max) {
		f[n++] = line;
		line = strchr(line, '\t');
		if (!line)
			break;
		*line++ = '\0';
	}
	return n;
}

/* "M x y x y ... Z M ... Z": the only grammar the data file uses. */
static int parse_rings(struct region *g, const char *p)
{
	struct ring *cur = NULL;

	g->x0 = g->y0 = INFINITY;
	g->x1 = g->y1 = -INFINITY;
	while (*p) {
		char *end;
		double x, y;
		if (*p == ' ') {
			p++;
			continue;
		}
		if (*p == 'M') {
			g->rings = wf_xrealloc(g->rings, (g->nrings + 1) * sizeof *g->rings);
			cur = &g->rings[g->nrings++];
			cur->xy = NULL;
			cur->n = 0;
			p++;
			continue;
		}
		if (*p == 'Z') {
			if (!cur || cur->n < 3)
				return -1;
			cur = NULL;
			p++;
			continue;
		}
		if (!cur)
			return -1;
		x = strtod(p, &end);
		if (end == p || *end != ' ')
			return -1;
		p = end;
		y = strtod(p, &end);
		if (end == p)
			return -1;
		p = end;
		cur->xy = wf_xrealloc(cur->xy, (cur->n + 1) * 2 * sizeof *cur->xy);
		cur->xy[2 * cur->n] = x;
		cur->xy[2 * cur->n + 1] = y;
		cur->n++;
		g->x0 = fmin(g->x0, x);
		g->x1 = fmax(g->x1, x);
		g->y0 = fmin(g->y0, y);
		g->y1 = fmax(g->y1, y);
	}
	return cur || g->nrings == 0 ? -1 : 0;
}

wf_italy *wf_italy_parse(const char *text)
{
	wf_italy *m = wf_xcalloc(1, sizeof *m);
	char *copy = wf_xstrdup(text), *line = copy, *next;
	int have_proj = 0;

	for (; line && *line; line = next) {
		char *f[8];
		size_t n;

		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		if (*line == '#' || *line == '\0')
			continue;
		n = fields(line, f, 8);
		if (strcmp(f[0], "viewbox") == 0 && n == 2) {
			double x, y;
			char *e;
			x = strtod(f[1], &e);
			y = strtod(e, &e);
			m->w = strtod(e, &e);
			m->h = strtod(e, &e);
			if (x != 0 || y != 0 || !(m->w > 0) || !(m->h > 0))
				goto bad;
		} else if (strcmp(f[0], "attribution") == 0 && n == 3) {
			m->attribution[WF_LANG_IT] = wf_xstrdup(f[1]);
			m->attribution[WF_LANG_EN] = wf_xstrdup(f[2]);
		} else if (strcmp(f[0], "projection") == 0 && n == 7) {
			double *k[6] = { &m->a, &m->b, &m->c, &m->d, &m->e, &m->g };
			for (int i = 0; i < 6; i++) {
				char *e;
				*k[i] = strtod(f[i + 1], &e);
				if (e == f[i + 1] || *e)
					goto bad;
			}
			have_proj = 1;
		} else if (strcmp(f[0], "region") == 0 && n == 5) {
			struct region *g;
			if (m->nreg == WF_ITALY_NREGIONS || strlen(f[1]) != 2)
				goto bad;
			g = &m->reg[m->nreg++];
			memcpy(g->code, f[1], 3);
			g->name[WF_LANG_IT] = wf_xstrdup(f[2]);
			g->name[WF_LANG_EN] = wf_xstrdup(f[3]);
			g->path = wf_xstrdup(f[4]);
			if (parse_rings(g, f[4]) != 0)
				goto bad;
		} else {
			goto bad;
		}
	}
	if (m->nreg != WF_ITALY_NREGIONS || !have_proj || !(m->w > 0) || !m->attribution[0])
		goto bad;
	free(copy);
	return m;
bad:
	free(copy);
	wf_italy_free(m);
	return NULL;
}

wf_italy *wf_italy_new(void)
{
	return wf_italy_parse(wf_italy_data);
}

int wf_italy_region(const wf_italy *m, const char *key)
{
	char *end;
	long n;

	if (!key || !*key)
		return -1;
	n = strtol(key, &end, 10);
	if (*end == '\0' && key[0] >= '0' && key[0] <= '9')
		return n >= 1 && n <= m->nreg ? (int)n - 1 : -1;
	for (int r = 0; r < m->nreg; r++)
		for (int l = 0; l < WF_LANG_COUNT; l++)
			if (strcasecmp(m->reg[r].name[l], key) == 0)
				return r;
	return -1;
}

const char *wf_italy_region_code(const wf_italy *m, int region)
{
	return region >= 0 && region < m->nreg ? m->reg[region].code : "";
}

const char *wf_italy_region_name(const wf_italy *m, int region, enum wf_lang lang)
{
	return region >= 0 && region < m->nreg ? m->reg[region].name[lang == WF_LANG_IT] : "";
}

const char *wf_italy_region_path(const wf_italy *m, int region)
{
	return region >= 0 && region < m->nreg ? m->reg[region].path : "";
}

const char *wf_italy_attribution(const wf_italy *m, enum wf_lang lang)
{
	return m->attribution[lang == WF_LANG_IT];
}

void wf_italy_size(const wf_italy *m, double *w, double *h)
{
	*w = m->w;
	*h = m->h;
}

void wf_italy_project(const wf_italy *m, double lon, double lat, double *x, double *y)
{
	/* Mercator latitude in degrees, as the fit in tests/gen/italy-map.py. */
	double mm = log(tan(M_PI / 4 + lat * M_PI / 360)) * 180 / M_PI;

	*x = m->a * lon + m->e * mm + m->b;
	*y = m->g * lon + m->c * mm + m->d;
}

int wf_italy_contains(const wf_italy *m, int region, double x, double y)
{
	const struct region *g;
	int in = 0;

	if (region < 0 || region >= m->nreg)
		return 0;
	g = &m->reg[region];
	if (x < g->x0 || x > g->x1 || y < g->y0 || y > g->y1)
		return 0;
	for (size_t k = 0; k < g->nrings; k++) {
		const double *p = g->rings[k].xy;
		size_t n = g->rings[k].n;
		for (size_t i = 0, j = n - 1; i < n; j = i++) {
			double xi = p[2 * i], yi = p[2 * i + 1], xj = p[2 * j], yj = p[2 * j + 1];
			if ((yi > y) != (yj > y) && x < xi + (y - yi) * (xj - xi) / (yj - yi))
				in = !in;
		}
	}
	return in;
}

int wf_italy_region_at(const wf_italy *m, double lon, double lat)
{
	double x, y;

	wf_italy_project(m, lon, lat, &x, &y);
	for (int r = 0; r < m->nreg; r++)
		if (wf_italy_contains(m, r, x, y))
			return r;
	return -1;
}
