/* wf_ingest_paths: several inputs read at once, taken in input order
 * (wf_ingest.h). Workers read whole inputs into spools; the main thread
 * takes each in turn (wf_ingest_take), appends its spools to the real
 * outputs and prints its messages, or reads the input again itself
 * when an earlier input changed what the worker would have done. */
#include "wf_ingest.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wf_err.h"
#include "wf_ingest_priv.h"

enum { JOB_WAITING, JOB_RUNNING, JOB_DONE };

struct job {
	const char *path;
	int state;
	int here;       /* read by the main thread: standard input */
	wf_ingest *w;   /* NULL when the worker could not set up (then read here) */
	wf_out *out, *rej;
	wf_tw *tw;
	char *msg;
	size_t msglen;
};

struct pool {
	wf_ingest *g;
	struct job *jobs;
	size_t n, next, taken, window;
	int cancel;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	pthread_rwlock_t lock; /* the code lists: workers read, main writes */
};

static void job_release(struct job *j)
{
	wf_ingest_free(j->w);
	wf_tw_free(j->tw);
	if (j->out)
		wf_out_close(j->out, 0);
	if (j->rej)
		wf_out_close(j->rej, 0);
	free(j->msg);
	j->w = NULL;
	j->tw = NULL;
	j->out = j->rej = NULL;
	j->msg = NULL;
}

/* One input in a worker: its output, rejects and messages spooled. */
static void job_run(struct pool *p, struct job *j)
{
	FILE *mf = open_memstream(&j->msg, &j->msglen);
	int with_rej = wf_ingest_rejects_out(p->g) != NULL;

	j->out = wf_out_spool();
	j->rej = with_rej ? wf_out_spool() : NULL;
	if (!mf || !j->out || (with_rej && !j->rej)) {
		/* no spool: the main thread reads it when its turn comes */
		if (mf)
			fclose(mf);
		job_release(j);
		return;
	}
	j->tw = wf_tw_clone(wf_ingest_facts(p->g), j->out);
	j->w = wf_ingest_worker_new(p->g, j->tw, j->rej, &p->lock);
	wf_err_capture(mf);
	wf_ingest_path(j->w, j->path);
	wf_err_capture(NULL);
	if (fclose(mf) != 0) {
		/* its messages are lost: read it again in the main thread */
		wf_ingest_free(j->w);
		j->w = NULL;
	}
}

static void *worker(void *arg)
{
	struct pool *p = arg;

	pthread_mutex_lock(&p->mu);
	for (;;) {
		while (p->next < p->n && p->jobs[p->next].here)
			p->next++;
		if (p->cancel || p->next >= p->n)
			break;
		/* At most window inputs ahead of the main thread: memory and
		 * spools for that many, not for every input. */
		if (p->next >= p->taken + p->window) {
			pthread_cond_wait(&p->cv, &p->mu);
			continue;
		}
		struct job *j = &p->jobs[p->next++];
		j->state = JOB_RUNNING;
		pthread_mutex_unlock(&p->mu);
		job_run(p, j);
		pthread_mutex_lock(&p->mu);
		j->state = JOB_DONE;
		pthread_cond_broadcast(&p->cv);
	}
	pthread_mutex_unlock(&p->mu);
	return NULL;
}

/* The main thread's turn for job j: take it or read it here. */
static void job_take(struct pool *p, struct job *j)
{
	wf_ingest *g = p->g;
	int r = 0;

	pthread_rwlock_wrlock(&p->lock);
	if (j->w && !wf_out_failed(j->out) && !(j->rej && wf_out_failed(j->rej)))
		r = wf_ingest_take(g, j->w, j->path);
	if (r == 0)
		wf_ingest_path(g, j->path); /* the one-thread way, on the real state */
	pthread_rwlock_unlock(&p->lock);
	if (r == 1) {
		wf_ingest_print_messages(g, j->msg, j->msglen);
		if (wf_out_spool_copy(j->out, wf_tw_out(wf_ingest_facts(g))) < 0 ||
		    (j->rej && wf_out_spool_copy(j->rej, wf_ingest_rejects_out(g)) < 0)) {
			wf_warn("%s: its output could not be read back from $TMPDIR:", j->path);
			wf_ingest_set_failed(g);
		}
	}
	job_release(j);
}

int wf_ingest_paths(wf_ingest *g, const char *const *paths, size_t n)
{
	struct pool p;
	pthread_t *th;
	size_t nth = (size_t)(wf_ingest_threads(g) > 1 ? wf_ingest_threads(g) : 1);
	size_t started = 0;

	if (nth > n)
		nth = n;
	if (nth <= 1) {
		for (size_t i = 0; i < n; i++)
			if (wf_ingest_path(g, paths[i]) < 0)
				return -1;
		return 0;
	}
	memset(&p, 0, sizeof p);
	p.g = g;
	p.n = n;
	p.window = nth;
	p.jobs = wf_xcalloc(n, sizeof *p.jobs);
	for (size_t i = 0; i < n; i++) {
		p.jobs[i].path = paths[i];
		/* standard input cannot be read ahead by another thread */
		p.jobs[i].here = strcmp(paths[i], "-") == 0;
	}
	pthread_mutex_init(&p.mu, NULL);
	pthread_cond_init(&p.cv, NULL);
	pthread_rwlock_init(&p.lock, NULL);
	wf_ingest_prepare(g);
	th = wf_xcalloc(nth, sizeof *th);
	for (size_t t = 0; t < nth; t++) {
		if (pthread_create(&th[t], NULL, worker, &p) != 0)
			break;
		started++;
	}
	for (size_t i = 0; i < n; i++) {
		struct job *j = &p.jobs[i];

		pthread_mutex_lock(&p.mu);
		/* with no worker running, the main thread reads them all */
		while (started && !j->here && j->state != JOB_DONE)
			pthread_cond_wait(&p.cv, &p.mu);
		pthread_mutex_unlock(&p.mu);
		job_take(&p, j);
		pthread_mutex_lock(&p.mu);
		p.taken = i + 1;
		if (wf_ingest_stopped(g))
			p.cancel = 1;
		pthread_cond_broadcast(&p.cv);
		pthread_mutex_unlock(&p.mu);
		if (p.cancel)
			break;
	}
	pthread_mutex_lock(&p.mu);
	p.cancel = 1;
	pthread_cond_broadcast(&p.cv);
	pthread_mutex_unlock(&p.mu);
	for (size_t t = 0; t < started; t++)
		pthread_join(th[t], NULL);
	for (size_t i = 0; i < n; i++)
		job_release(&p.jobs[i]);
	free(th);
	free(p.jobs);
	pthread_rwlock_destroy(&p.lock);
	pthread_cond_destroy(&p.cv);
	pthread_mutex_destroy(&p.mu);
	return wf_ingest_stopped(g) ? -1 : 0;
}
