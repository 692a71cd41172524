/*
 * wf-vocab - a test helper, not an installed tool: print libwf's two
 * shared tables, so tests/bats/vocabulary.bats can hold the shell
 * completions and wfkit(7) to them.
 *
 *   wf-vocab options   one shared option a line: NAME TAB SHORT TAB ARG
 *                      TAB VALUES (space-separated; '-' for none)
 *   wf-vocab columns   one column a line: NAME TAB string|number
 *
 * Exit status: 0 ok, 2 usage.
 */
#include <stdio.h>
#include <string.h>

#include "wf_cli.h"
#include "wf_vocab.h"

int main(int argc, char **argv)
{
	if (argc == 2 && strcmp(argv[1], "options") == 0) {
		for (size_t i = 0; i < wf_cli_nopts; i++) {
			const wf_cli_opt *o = &wf_cli_opts[i];
			printf("%s\t%c\t%s\t%s\n", o->name, o->shortopt ? o->shortopt : '-',
			       o->arg ? o->arg : "-", o->values ? o->values : "-");
		}
	} else if (argc == 2 && strcmp(argv[1], "columns") == 0) {
		for (size_t i = 0; i < wf_vocab_n; i++)
			printf("%s\t%s\n", wf_vocab[i].name,
			       wf_vocab[i].kind == WF_COL_NUM ? "number" : "string");
	} else {
		fputs("usage: wf-vocab options|columns\n", stderr);
		return 2;
	}
	return fflush(stdout) == 0 && !ferror(stdout) ? 0 : 1;
}
