// Turns a snapshot into what each peer downloads: `hubreport export` binary columns (plain JS, crossfilter) and
// Arrow IPC streams built from them (DuckDB-WASM, Perspective). Usage: node bench/prepare.mjs SNAPSHOT_DIR OUT_DIR
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { RecordBatchStreamWriter, tableFromArrays, Utf8, vectorFromArray } from 'apache-arrow';
import { readColumns } from './peers/columns.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function prepare(snapshotDir, outDir) {
  const cols = path.join(outDir, 'cols'), arrow = path.join(outDir, 'arrow');
  const stamp = path.join(outDir, 'prepared.json');
  const manifest = fs.readFileSync(path.join(snapshotDir, 'manifest.json'), 'utf8');
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === manifest) return;
  execFileSync(path.join(root, 'build/native/hubreport'), ['export', snapshotDir, '--out', cols], { stdio: 'inherit' });
  return writeArrow(cols, arrow).then(() => fs.writeFileSync(stamp, manifest));
}

// Record batches of 1M rows: DuckDB and Perspective ingest a stream batch by batch.
function writeStream(file, table) {
  const writer = new RecordBatchStreamWriter();
  const out = fs.openSync(file, 'w');
  writer.reset();
  for (let at = 0; at < table.numRows; at += 1 << 20) {
    for (const batch of table.slice(at, Math.min(at + (1 << 20), table.numRows)).batches) writer.write(batch);
  }
  writer.finish();
  fs.writeSync(out, writer.toUint8Array(true));
  fs.closeSync(out);
}

async function writeArrow(cols, arrow) {
  fs.mkdirSync(arrow, { recursive: true });
  const schema = JSON.parse(fs.readFileSync(path.join(cols, 'schema.json'), 'utf8'));
  const D = await readColumns(async (f) => { const b = fs.readFileSync(path.join(cols, f)); return b.buffer.slice(b.byteOffset, b.byteOffset + b.length); },
    ['type.u8', 'created.u16', 'author.u32', 'country.u8', 'sector.u8', 'task.u16', 'modality.u8', 'library.u16', 'license.u16',
      'family.u32', 'relation.u8', 'direct.u8', 'size.u8', 'sdk.u8', 'params.f64', 'downloads_all.f64', 'likes.u32',
      'series_row.u32', 'series_month.u16', 'series_downloads.u32', 'author_country.u8', 'author_sector.u8']);
  const { series_row, series_month, series_downloads, author_country, author_sector, ...repos } = D;
  writeStream(path.join(arrow, 'repos.arrow'), tableFromArrays(repos));
  writeStream(path.join(arrow, 'dl.arrow'), tableFromArrays({ id: series_row, month: series_month, downloads: series_downloads }));
  const id = Uint32Array.from(schema.authors, (_, i) => i);
  writeStream(path.join(arrow, 'authors.arrow'), tableFromArrays({ id, name: vectorFromArray(schema.authors, new Utf8()),
    country: author_country, sector: author_sector }));
  fs.copyFileSync(path.join(cols, 'schema.json'), path.join(arrow, 'schema.json'));
}

if (import.meta.url === `file://${process.argv[1]}`) await prepare(path.resolve(process.argv[2]), path.resolve(process.argv[3]));
