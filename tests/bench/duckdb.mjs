// Runs one SQL statement with DuckDB (npm @duckdb/node-api) for `make bench`.
// Usage: node duckdb.mjs 'SQL' [OUTFILE]
// Queries that end in COPY ... TO write their own output; a SELECT is read
// in full (all rows materialised, as a user printing them would) and, with
// OUTFILE, written there as CSV for the cross-checks of tests/bench/run.sh.
import { DuckDBInstance } from '@duckdb/node-api';
import { writeFileSync } from 'node:fs';

const sql = process.argv[2];
const out = process.argv[3];
const inst = await DuckDBInstance.create(':memory:');
const con = await inst.connect();
const reader = await con.runAndReadAll(sql);
if (out) {
	const rows = reader.getRows();
	const names = reader.columnNames();
	const lines = [names.join(',')];
	for (const r of rows) lines.push(r.map((v) => (v === null ? '' : String(v))).join(','));
	writeFileSync(out, lines.join('\n') + '\n');
}
