/*
 * wf_table.h - tables in and out: CSV (through libcsv) and NDJSON
 * (through jansson), the format every wfkit binary reads and writes.
 *
 * Reading: wf_reader_new() takes a wf_src, settles the dialect of that
 * one file (format, encoding, delimiter) from explicit options or from
 * what the file shows, and never from the process locale. Every record
 * carries the physical line where it starts, so callers can write
 * "FILE:LINE: message". A record that cannot be read (ragged, invalid
 * encoding, unterminated quote, NUL byte, over-long field) comes back
 * as WF_ROW_BAD with a reason and its raw text; reading continues with
 * the next line, so one bad quote never swallows the rest of a file.
 *
 * Writing: wf_tw writes CSV (RFC 4180, minimal quoting, LF, header
 * line) or NDJSON (one object per line, always valid UTF-8).
 *
 * Ownership: wf_reader_new() takes ownership of the wf_src; the reader
 * and writer are freed with their _free (NULL is a no-op). Rows and
 * headers returned by the reader are borrowed and valid until the next
 * call to wf_reader_next().
 */
#ifndef WF_TABLE_H
#define WF_TABLE_H

#include <stddef.h>

#include "wf_io.h"

enum wf_format { WF_FMT_AUTO = 0, WF_FMT_CSV, WF_FMT_NDJSON };
enum wf_encoding { WF_ENC_AUTO = 0, WF_ENC_UTF8, WF_ENC_CP1252, WF_ENC_LATIN1 };

typedef struct wf_reader_opts {
	enum wf_format format;   /* AUTO: '{' first = NDJSON, else CSV */
	enum wf_encoding encoding; /* AUTO: BOM or valid UTF-8, else CP1252 */
	char delim;              /* 0 = from the header among ';' ',' TAB */
	size_t max_field;        /* max bytes in one record; 0 = 16 MiB */
	int allow_empty;         /* no header line (0 bytes, only a BOM) is a
				    table of no columns, not an error */
	int no_direct;           /* tests only: every CSV line through the
				    general path, which the one-pass path for
				    plain lines must match (tests/fuzz) */
} wf_reader_opts;

typedef struct wf_row {
	size_t n;              /* number of fields */
	const char *const *f;  /* NUL-terminated UTF-8 fields */
	const size_t *len;     /* their lengths */
	const unsigned char *null; /* 1 = empty unquoted CSV field or JSON null */
	long line;             /* physical line where the record starts */
	const char *raw;       /* the record's text (UTF-8, no final newline) */
	size_t rawlen;
} wf_row;

enum { WF_ROW_EOF = 0, WF_ROW_OK = 1, WF_ROW_BAD = 2, WF_ROW_FATAL = -1 };

typedef struct wf_reader wf_reader;

/* Reads the header. Returns NULL after printing "wf-x: NAME: reason"
 * for an unreadable source, an empty file (no header) or an undecidable
 * delimiter. */
wf_reader *wf_reader_new(wf_src *src, const wf_reader_opts *opts);
/* The same over wf_src_open(path) ("-": stdin). */
wf_reader *wf_reader_open(const char *path, const wf_reader_opts *opts);

/* Next data record. WF_ROW_OK and WF_ROW_BAD fill *row (for BAD, the
 * fields may be incomplete; raw and line are set and
 * wf_reader_reason() says why). WF_ROW_FATAL: the source failed (I/O,
 * truncated gzip); the reason says why and reading must stop. */
int wf_reader_next(wf_reader *r, wf_row *row);
const char *wf_reader_reason(const wf_reader *r);

const wf_row *wf_reader_header(const wf_reader *r);
/* Index of the column named exactly name, or -1. */
int wf_reader_col(const wf_reader *r, const char *name);

/* Index of name among names[0..n), -1 when absent, WF_COL_TWICE when
 * it is there more than once (which one holds the data cannot be told):
 * the one check of repeated columns (wf_bench, wf_dialect, wf_matchio). */
#define WF_COL_TWICE (-2)
int wf_names_col(const char *const *names, size_t n, const char *name);

const char *wf_reader_name(const wf_reader *r);
wf_src *wf_reader_src(wf_reader *r);
enum wf_format wf_reader_format(const wf_reader *r);
char wf_reader_delim(const wf_reader *r);
/* Encoding in use ("utf-8", "cp1252", "latin1", "ascii" while an auto
 * file has shown no non-ASCII byte, "utf-16le" or "utf-16be" for a
 * file with a UTF-16 BOM, read transcoded) and the line that decided
 * it. */
const char *wf_reader_encoding(const wf_reader *r, long *decided_at);
int wf_reader_had_bom(const wf_reader *r);
/* True when the file ends its lines with CR alone (old Mac) and has no
 * LF anywhere read: its lines are read as if they ended in LF. */
int wf_reader_cr_only(const wf_reader *r);
/* True for an input with no header line at all (opts.allow_empty). */
int wf_reader_empty(const wf_reader *r);
/* Lines holding nothing or only delimiters, skipped and counted. */
unsigned long wf_reader_blank(const wf_reader *r);
void wf_reader_free(wf_reader *r);

/* Names for option values; return -1 for an unknown name. */
int wf_format_parse(const char *s);
int wf_encoding_parse(const char *s);
const char *wf_encoding_name(enum wf_encoding e);

/* ---- writing ---- */

enum wf_colkind { WF_COL_STR = 0, WF_COL_NUM };

typedef struct wf_tw wf_tw;

/* A table writer on out (borrowed). kinds may be NULL (all strings);
 * WF_COL_NUM columns are written as bare JSON numbers in NDJSON (and
 * as null when empty). The CSV header is written at once. With
 * excel_safe, CSV cells that start with = + - @ TAB CR and are not
 * numbers get a leading apostrophe. */
wf_tw *wf_tw_new(wf_out *out, enum wf_format fmt, size_t ncols,
		 const char *const *names, const enum wf_colkind *kinds);
void wf_tw_set_excel_safe(wf_tw *w, int on);
/* A new writer on out with w's format, columns and --excel-safe (its
 * CSV header written, as by wf_tw_new): rows it writes are byte for
 * byte the ones w would write. */
wf_tw *wf_tw_clone(const wf_tw *w, wf_out *out);
/* The output w writes to (borrowed). */
wf_out *wf_tw_out(const wf_tw *w);

/* Write one row of ncols values. vals[i] NULL = missing (empty in CSV,
 * null in NDJSON); lens may be NULL (strlen). Returns 0 or -1 once the
 * output has failed. */
int wf_tw_row(wf_tw *w, const char *const *vals, const size_t *lens);
void wf_tw_free(wf_tw *w);

/* Append s to out as one CSV field (quoted only when needed) or as a
 * JSON string (wf_json_escape()). */
int wf_csv_field(wf_out *out, const char *s, size_t len, char delim);
int wf_json_string(wf_out *out, const char *s, size_t len);
/* True when s is exactly one JSON number
 * (-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?). */
int wf_json_is_number(const char *s, size_t n);

/* The one JSON string escaper of wfkit (the NDJSON writer, wf-report's
 * JSON and charts use it): s[0..len) as a quoted JSON string, with
 * \" \\ \n \r \t \b \f, \u00XX for the other C0 controls, valid UTF-8
 * as it is and each invalid byte as U+FFFD. Writes at most
 * WF_JSON_MAXLEN(len) bytes to o, no NUL; returns how many. */
#define WF_JSON_MAXLEN(len) (6 * (len) + 2)
size_t wf_json_escape(char *o, const char *s, size_t len);

#endif
