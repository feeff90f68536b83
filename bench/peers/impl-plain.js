// Peer: plain JS loops over the exported typed arrays (bench/peers/report-plain.js).
import { deriveParamBins, readColumns } from './columns.js';
import { plainReport } from './report-plain.js';
import { parseQuery } from './state.js';

let D, schema;
export async function init() {}
export async function load(dataUrl) {
  let bytes = 0;
  const get = async (f) => { const b = await (await fetch(new URL(f, dataUrl))).arrayBuffer(); bytes += b.byteLength; return b; };
  [schema, D] = await Promise.all([get('schema.json').then((b) => JSON.parse(new TextDecoder().decode(b))), readColumns(get)]);
  deriveParamBins(D);
  return { bytes };
}
export async function report(query) { return plainReport(D, schema, parseQuery(query)); }
