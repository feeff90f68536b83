// Peer: DuckDB-WASM (eh build; its engine runs in its own worker), fed Arrow IPC with insertArrowFromIPCStream.
// Bundled with esbuild by bench/run.mjs: duckdb-wasm imports apache-arrow by bare name.
import * as duckdb from '@duckdb/duckdb-wasm';
import { LOAD_SQL, runSqlReport } from './report-sql.js';
import { parseQuery } from './state.js';

let db, conn, schema;
export async function init(distUrl) {
  const worker = new Worker(new URL('duckdb-browser-eh.worker.js', distUrl));
  db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(new URL('duckdb-eh.wasm', distUrl).href);
  conn = await db.connect();
}
export async function load(dataUrl) {
  let bytes = 0;
  const get = async (f) => { const b = new Uint8Array(await (await fetch(new URL(f, dataUrl))).arrayBuffer()); bytes += b.length; return b; };
  schema = JSON.parse(new TextDecoder().decode(await get('schema.json')));
  for (const [table, file] of [['raw_r', 'repos.arrow'], ['dl', 'dl.arrow'], ['authors', 'authors.arrow']])
    await conn.insertArrowFromIPCStream(await get(file), { name: table, create: true });
  for (const sql of LOAD_SQL) await conn.query(sql);
  return { bytes };
}
const rows = async (sql) => (await conn.query(sql)).toArray().map((r) => r.toJSON());
export async function report(query) { return runSqlReport(rows, schema, parseQuery(query)); }
