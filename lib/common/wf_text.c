#include "wf_text.h"

#include <ctype.h>
#include <string.h>

size_t wf_utf8_decode(const unsigned char *p, size_t n, uint32_t *cp)
{
	unsigned c = p[0];
	uint32_t v;
	size_t len;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xc2 && c <= 0xdf)
		len = 2, v = c & 0x1f;
	else if (c >= 0xe0 && c <= 0xef)
		len = 3, v = c & 0x0f;
	else if (c >= 0xf0 && c <= 0xf4)
		len = 4, v = c & 0x07;
	else
		return 0;
	if (n < len)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return 0;
		v = (v << 6) | (p[i] & 0x3f);
	}
	if ((len == 3 && v < 0x800) || (len == 4 && (v < 0x10000 || v > 0x10ffff)) ||
	    (v >= 0xd800 && v <= 0xdfff))
		return 0;
	*cp = v;
	return len;
}

int wf_is_blank(const char *s)
{
	if (!s)
		return 1;
	while (*s == ' ' || *s == '\t')
		s++;
	return !*s;
}

size_t wf_trim_copy(const char *s, char *out, size_t outsz)
{
	size_t n = strlen(s);

	wf_trim_span(&s, &n);
	if (n >= outsz)
		n = outsz - 1;
	memmove(out, s, n);
	out[n] = '\0';
	return n;
}

/* isspace() of the C locale (the only one wfkit runs in), inline:
 * the call through __ctype_b_loc on three cells a row was 3% of
 * wf-ingest's instructions (callgrind, 200,000 short rows). */
static inline int c_space(unsigned char c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

void wf_trim_span(const char **s, size_t *n)
{
	const char *p = *s;
	size_t k = *n;

	while (k && c_space((unsigned char)*p))
		p++, k--;
	while (k && c_space((unsigned char)p[k - 1]))
		k--;
	*s = p;
	*n = k;
}

char *wf_trim_inplace(char *s)
{
	const char *p = s;
	size_t n = strlen(s);

	wf_trim_span(&p, &n);
	s[(size_t)(p - s) + n] = '\0';
	return s + (p - s);
}

int wf_is_plain_decimal(const char *s)
{
	size_t digits = 0;

	if (*s == '+' || *s == '-')
		s++;
	for (; *s >= '0' && *s <= '9'; s++)
		digits++;
	if (*s == '.')
		for (s++; *s >= '0' && *s <= '9'; s++)
			digits++;
	return digits > 0 && *s == '\0';
}
