#include "wf_aux.h"

wf_reader_opts wf_aux_opts(const wf_reader_opts *run)
{
	wf_reader_opts o = { 0 };

	/* Only the limit carries over: the dialect options describe the
	 * main inputs, not files that come from elsewhere. */
	if (run)
		o.max_field = run->max_field;
	return o;
}

wf_reader *wf_aux_reader(wf_src *src, const wf_reader_opts *run)
{
	wf_reader_opts o = wf_aux_opts(run);

	return wf_reader_new(src, &o);
}

wf_reader *wf_aux_open(const char *path, const wf_reader_opts *run)
{
	wf_reader_opts o = wf_aux_opts(run);

	return wf_reader_open(path, &o);
}
