/*
 * wf_ingest_priv.h - what the driver that reads several inputs at once
 * (wf_ingest_mt.c) needs of wf_ingest.c. Private to lib/conto.
 *
 * A worker thread reads one input with a wf_ingest of its own, made by
 * wf_ingest_worker_new(): it writes to the facts writer and rejects
 * output it is given (spools), captures its messages (wf_err_capture),
 * reads the shared code lists only under lock and without changing
 * them, and does not check its input against earlier ones. The main
 * thread then calls wf_ingest_take() for each input in input order.
 */
#ifndef WF_INGEST_PRIV_H
#define WF_INGEST_PRIV_H

#include <pthread.h>

#include "wf_ingest.h"

/* A worker's wf_ingest like g (same run, options and code lists;
 * facts and rejects borrowed as in wf_ingest_new, rejects NULL when g
 * has none). Readers of g's code lists take lock for reading; the main
 * thread holds it for writing whenever it changes them. Free with
 * wf_ingest_free(). */
wf_ingest *wf_ingest_worker_new(const wf_ingest *g, wf_tw *facts, wf_out *rejects,
				pthread_rwlock_t *lock);

/* g's facts writer and rejects output (borrowed; NULL: none); whether
 * the run has stopped; mark it failed (after a message). */
wf_tw *wf_ingest_facts(const wf_ingest *g);
wf_out *wf_ingest_rejects_out(const wf_ingest *g);
int wf_ingest_stopped(const wf_ingest *g);
int wf_ingest_threads(const wf_ingest *g); /* the run's --threads */
void wf_ingest_set_failed(wf_ingest *g);

/* Before workers start: the code lists' lazy work done (wf_codes_prepare),
 * and the placements the workers share (freed with g). */
void wf_ingest_prepare(wf_ingest *g);

/* Main thread, in input order, holding the lock for writing: take in
 * w's reading of path after wf_ingest_path(w, path) has returned.
 * 1: taken (code lists, duplicates, inputs seen, counts, stop): the
 * caller appends w's output and prints w's messages with
 * wf_ingest_print_messages(); 0: an earlier input changed what w would
 * have done (an archive's code lists, a fact or member of an earlier
 * input): nothing taken, the caller reads path again with
 * wf_ingest_path(g, path); -1: path repeats an earlier input, said
 * so: w's output and messages are dropped. */
int wf_ingest_take(wf_ingest *g, wf_ingest *w, const char *path);

/* Print a worker's captured messages on this thread's wf_errfile(),
 * a note said once a run only when no earlier input said it. */
void wf_ingest_print_messages(wf_ingest *g, const char *buf, size_t len);

#endif
