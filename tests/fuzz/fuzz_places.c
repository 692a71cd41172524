/* libFuzzer: comuni-list rows and location queries into wf_places. The
 * input is split into lines and ';' fields; the first line is the header
 * (one of the two known layouts is forced half of the time), the last
 * one a query: lat;lon;istat;cap;comune;province. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "wf_places.h"

static const char *const geo[] = { "nome", "codiceComune", "sigla", "codiceCatastale", "cap",
	"latitudine", "longitudine" };

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *buf = malloc(size + 1), *line, *next;
	wf_places *p = wf_places_new();
	const char *f[16], *last[16] = { 0 };
	char err[512];
	int first = 1;

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
			if (size && (data[0] & 1))
				wf_places_header(p, geo, 7, err, sizeof err);
			else
				wf_places_header(p, f, n, err, sizeof err);
			first = 0;
		} else {
			wf_places_add(p, f, n, err, sizeof err);
		}
		memset(last, 0, sizeof last);
		memcpy(last, f, n * sizeof *f);
	}
	wf_placeq q = { last[0], last[1], last[2], last[3], last[4], last[5] };
	double lat, lon;
	wf_places_resolve(p, &q, &lat, &lon, err, sizeof err);
	wf_places_count(p, NULL);
	wf_places_free(p);
	free(buf);
	return 0;
}
