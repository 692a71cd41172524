/* wf_map: the one string-keyed hash map (pointers, integers, interning). */
#include "wf_map.h"
#include "wf_test.h"

static void test_pointers(void)
{
	wf_map *m = wf_map_new();
	char k[16];
	void *v;

	for (int i = 0; i < 5000; i++) {
		snprintf(k, sizeof k, "k%d", i);
		*wf_map_slot(m, k, strlen(k)) = (void *)(long)(i + 1);
	}
	CHECK_INT(wf_map_count(m), 5000);
	CHECK_INT((long)wf_map_get(m, "k4999", 5), 5000);
	CHECK(wf_map_get(m, "k5000", 5) == NULL);
	/* a key with a NUL inside and a prefix of another are their own keys */
	*wf_map_slot(m, "a\0b", 3) = &v;
	CHECK(wf_map_get(m, "a", 1) == NULL);
	CHECK(wf_map_get(m, "a\0b", 3) == &v);
	CHECK_STR(wf_map_key_at(m, 0, &v), "k0");
	CHECK_INT((long)v, 1);
	wf_map_free(m);
	wf_map_free(NULL);
}

static void test_integers(void)
{
	wf_map *m = wf_map_new();
	intptr_t *s = wf_map_islot(m, "x", 1, -1);

	CHECK_INT(*s, -1); /* created holding init */
	*s = 7;
	CHECK_INT(*wf_map_islot(m, "x", 1, -1), 7); /* found: init ignored */
	CHECK_INT(wf_map_iget(m, "x", 1, -1), 7);
	CHECK_INT(wf_map_iget(m, "y", 1, -1), -1);
	CHECK_INT(wf_map_iget(m, "y", 1, 0), 0);
	CHECK_INT(wf_map_count(m), 1);
	wf_map_free(m);
}

static void test_intern(void)
{
	wf_map *m = wf_map_new();
	char buf[] = "MILANOxx";
	const char *a = wf_map_intern(m, buf, 6), *b;

	CHECK_STR(a, "MILANO");
	buf[0] = 'm'; /* the map keeps its own copy */
	CHECK_STR(a, "MILANO");
	for (int i = 0; i < 3000; i++) { /* rehashing keeps each copy in place */
		char k[16];
		snprintf(k, sizeof k, "n%d", i);
		wf_map_intern(m, k, strlen(k));
	}
	b = wf_map_intern(m, "MILANO", 6);
	CHECK(a == b);
	CHECK(wf_map_intern(m, "", 0) == wf_map_intern(m, "", 0));
	CHECK(wf_hash_bytes("ab", 2) != wf_hash_bytes("ba", 2));
	CHECK(wf_hash_mix(wf_hash_mix(0, 1), 2) != wf_hash_mix(wf_hash_mix(0, 2), 1));
	wf_map_free(m);
}

WF_TEST_MAIN(test_pointers, test_integers, test_intern)
