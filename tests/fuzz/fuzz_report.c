/* libFuzzer: wf-report over any table, every kind (and for benchmark
 * and profile also one institution's card: the first row's) and every
 * format, in English and in Italian. Checked: -f table and -f markdown
 * hold no control character (other than LF and TAB) and are valid
 * UTF-8; -f html is well formed (every element closed in order, every
 * '&' an entity, no <script>, no raw control character); -f json
 * parses. The first byte picks the language (with its number locale),
 * width cap and decimals; the rest is the input table.
 * Seeds: tests/fuzz/corpus (report-*). */
#include <jansson.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "wf_cli.h"
#include "wf_render.h"
#include "wf_render_input.h"
#include "wf_render_kinds.h"
#include "wf_strbuf.h"
#include "wf_text.h"

static void check_text(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s, *e = p + n;

	while (p < e) {
		uint32_t cp;
		size_t l = wf_utf8_decode(p, (size_t)(e - p), &cp);
		if (l == 0 || (cp < 0x20 && cp != '\n' && cp != '\t') ||
		    (cp >= 0x7F && cp < 0xA0))
			abort();
		p += l;
	}
}

/* Elements that have no closing tag in HTML. */
static int is_void(const char *name, size_t n)
{
	static const char *const v[] = { "meta", "br", "hr", "img", "link", "input", "col", "wbr" };
	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
		if (strlen(v[i]) == n && memcmp(v[i], name, n) == 0)
			return 1;
	return 0;
}

static void check_html(const char *s, size_t n)
{
	const char *stack[256];
	size_t len[256], depth = 0;

	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x20 && c != '\n' && c != '\t')
			abort();
		if (c == '&') {
			/* &name; &#123; &#x1F; and nothing else */
			size_t k = i + 1;
			if (k < n && s[k] == '#') {
				k++;
				if (k < n && s[k] == 'x')
					k++;
				while (k < n && ((s[k] >= '0' && s[k] <= '9') ||
						 (s[k] >= 'a' && s[k] <= 'f') || (s[k] >= 'A' && s[k] <= 'F')))
					k++;
			} else {
				while (k < n && ((s[k] >= 'a' && s[k] <= 'z') || (s[k] >= 'A' && s[k] <= 'Z')))
					k++;
			}
			if (k == i + 1 || k >= n || s[k] != ';')
				abort();
			continue;
		}
		if (c != '<')
			continue;
		if (n - i >= 7 && strncmp(s + i, "<script", 7) == 0)
			abort();
		if (n - i >= 4 && strncmp(s + i, "<!--", 4) == 0) {
			const char *end = strstr(s + i, "-->");
			if (!end)
				abort();
			i = (size_t)(end - s) + 2;
			continue;
		}
		if (n - i >= 2 && s[i + 1] == '!') {
			const char *end = memchr(s + i, '>', n - i);
			if (!end)
				abort();
			i = (size_t)(end - s);
			continue;
		}
		int closing = n - i >= 2 && s[i + 1] == '/';
		size_t a = i + 1 + (size_t)closing, b = a;
		while (b < n && (s[b] == '-' || s[b] == ':' || (s[b] >= 'a' && s[b] <= 'z') ||
				 (s[b] >= 'A' && s[b] <= 'Z') || (s[b] >= '0' && s[b] <= '9')))
			b++;
		if (b == a)
			abort(); /* a '<' that starts no tag: text was not escaped */
		/* the end of the tag, outside quoted attribute values */
		size_t k = b;
		char q = 0;
		while (k < n && (q || s[k] != '>')) {
			if (q && s[k] == q)
				q = 0;
			else if (!q && (s[k] == '"' || s[k] == '\''))
				q = s[k];
			else if (!q && s[k] == '<')
				abort();
			k++;
		}
		if (k == n)
			abort();
		int selfclose = s[k - 1] == '/';
		if (closing) {
			if (depth == 0 || len[depth - 1] != b - a ||
			    memcmp(stack[depth - 1], s + a, b - a) != 0)
				abort();
			depth--;
		} else if (!selfclose && !is_void(s + a, b - a)) {
			if (depth == sizeof stack / sizeof stack[0])
				abort();
			stack[depth] = s + a;
			len[depth++] = b - a;
		}
		i = k;
	}
	if (depth != 0)
		abort();
}

/* Build the report of one kind and check every rendering of it. */
static void one(wf_rtable *t, const char *inst, int kind, const wf_render_opts *ro,
		unsigned long rows)
{
	wf_report_opts ko;
	wf_report_err err;
	wf_report *rep;

	memset(&ko, 0, sizeof ko);
	ko.kind = (enum wf_report_kind)kind;
	ko.unit = "EUR";
	ko.institution = inst;
	ko.lang = ro->lang;
	ko.point = ro->locale_it ? ',' : '.';
	ko.group_sep = ro->locale_it ? '.' : ',';
	if (!(rep = wf_report_build(t, &ko, &err)))
		return;
	wf_report_source(rep, "fuzz", rows);
	for (int f = WF_RENDER_TABLE; f <= WF_RENDER_JSON; f++) {
		wf_strbuf b = WF_STRBUF_INIT;
		wf_render(rep, (enum wf_render_fmt)f, ro, &b);
		if (f == WF_RENDER_TABLE || f == WF_RENDER_MARKDOWN)
			check_text(b.s, b.len);
		else if (f == WF_RENDER_HTML)
			check_html(b.s, b.len);
		else {
			json_error_t je;
			/* Integers past int64 (wf_dec holds 28 digits) are valid
			 * JSON that jansson refuses as json_int_t: read them as
			 * reals, which checks the syntax all the same. */
			json_t *j = json_loadb(b.s, b.len, JSON_DECODE_INT_AS_REAL, &je);
			if (!j)
				abort();
			json_decref(j);
		}
		wf_strbuf_release(&b);
	}
	wf_report_free(rep);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	wf_run run = { 0 };
	wf_render_opts ro = WF_RENDER_OPTS_INIT;
	wf_rinput *in;
	unsigned char *copy;

	if (size < 1)
		return 0;
	ro.locale_it = data[0] & 1;
	ro.lang = ro.locale_it ? WF_LANG_IT : WF_LANG_EN;
	ro.max_width = (data[0] & 2) ? 2 + (data[0] >> 4) : 0;
	ro.decimals = (data[0] >> 2) & 3;
	in = wf_rinput_new();
	copy = malloc(size - 1 ? size - 1 : 1);
	memcpy(copy, data + 1, size - 1);
	if (wf_rinput_read_src(in, &run, wf_src_mem("fuzz", copy, size - 1, 1)) == 0) {
		unsigned long rows = wf_rinput_rows(in, 0);
		/* the first row's institution, for the cards */
		wf_rtable *t = wf_rinput_table(in);
		int ic = wf_rtable_col(t, "institution");
		const char *cell = ic >= 0 && wf_rtable_nrows(t) ? wf_rtable_cell(t, 0, (size_t)ic) : NULL;
		char *inst = cell && *cell ? strdup(cell) : NULL;
		wf_rtable_free(t);
		/* every kind of wf_render_kinds.h, in enum order up to the last */
		for (int kind = WF_KIND_TABLE; kind <= WF_KIND_PROFILE; kind++) {
			one(wf_rinput_table(in), NULL, kind, &ro, rows);
			if (inst && (kind == WF_KIND_BENCHMARK || kind == WF_KIND_PROFILE))
				one(wf_rinput_table(in), inst, kind, &ro, rows);
		}
		free(inst);
	}
	wf_rinput_free(in);
	return 0;
}
