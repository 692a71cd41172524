/* libFuzzer: comuni-list rows, location queries and institution
 * placement through wf_places and wf_placement. The input is split into
 * lines and ';' fields; the first line is the header (one of the five
 * known layouts is forced by the first byte, or the line itself is
 * used), the last one a query: lat;lon;code;cap;name;province, also
 * placed as an institution type;name;tax code. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "wf_placement.h"
#include "wf_places.h"

static const char *const geo[] = { "nome", "codiceComune", "sigla", "codiceCatastale", "cap",
	"latitudine", "longitudine" };
static const char *const cur[] = { "codiceComune", "nome", "sigla", "regione" };
static const char *const his[] = { "codiceCatastale", "sigla", "nome", "attivo" };
static const char *const rgs[] = { "CODI_CATASTALE", "DESC_CODICE_CATASTALE", "CODI_PROVINCIA",
	"DESC_PROVINCIA", "DESC_REGIONE" };

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *buf = malloc(size + 1), *line, *next;
	wf_places *p = wf_places_new();
	const char *f[16], *last[16] = { 0 };
	char err[700], how[600], sugg[300];
	int first = 1, ci[8];
	enum wf_name_via via;

	memcpy(buf, data, size);
	buf[size] = '\0';
	for (line = buf; line; line = next) {
		size_t n = 0;
		char *s = line;

		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		while (n < 16) {
			f[n++] = s;
			s = strchr(s, ';');
			if (!s)
				break;
			*s++ = '\0';
		}
		if (first) {
			switch (size ? data[0] % 6 : 0) {
			case 1: wf_places_header(p, geo, 7, err, sizeof err); break;
			case 2: wf_places_header(p, cur, 4, err, sizeof err); break;
			case 3: wf_places_header(p, his, 4, err, sizeof err); break;
			case 4: wf_places_header(p, rgs, 5, err, sizeof err); break;
			default: wf_places_header(p, f, n, err, sizeof err); break;
			}
			first = 0;
		} else {
			wf_places_add(p, f, n, err, sizeof err);
		}
		memset(last, 0, sizeof last);
		memcpy(last, f, n * sizeof *f);
	}
	char code[7];
	wf_placeq q = { last[0], last[1], last[2], last[3], last[4], last[5], code };
	double lat, lon;
	wf_places_resolve(p, &q, &lat, &lon, how, sizeof how, err, sizeof err);
	if (last[4]) {
		size_t k = wf_places_find(p, last[4], strlen(last[4]), last[5], ci, 8, &via);
		for (size_t i = 0; i < k && i < 8; i++)
			wf_places_point(p, ci[i], &lat, &lon, how, sizeof how, err, sizeof err);
		wf_places_suggest(p, last[4], sugg, sizeof sugg);
	}
	wf_placement pl;
	wf_place(p, p, last[0], last[1], last[2], &pl);
	wf_place(NULL, p, last[3], last[4], last[5], &pl);
	(void)wf_taxcode_province(last[2]);
	wf_places_count(p, NULL);
	wf_places_free(p);
	free(buf);
	return 0;
}
