/*
 * wf_map.h - string-keyed hash map (open addressing, FNV-1a) holding a
 * pointer per key; the map copies keys, values stay the caller's.
 * wf_map_free(NULL) is a no-op; values are not freed by the map.
 */
#ifndef WF_MAP_H
#define WF_MAP_H

#include <stddef.h>

typedef struct wf_map wf_map;

wf_map *wf_map_new(void);
void wf_map_free(wf_map *m);
/* The slot for key (created holding NULL when absent). */
void **wf_map_slot(wf_map *m, const char *key, size_t len);
void *wf_map_get(const wf_map *m, const char *key, size_t len);
size_t wf_map_count(const wf_map *m);
/* Iterate in insertion order: i from 0 to count-1. */
const char *wf_map_key_at(const wf_map *m, size_t i, void **val);

#endif
