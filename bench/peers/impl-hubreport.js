// Peer: the hubreport wasm engine, loaded like web/worker.js does (manifest, gunzipped parts, the same warm-up answer
// after loading, counted in the load time as it is on the page), answer caches off so every report is a real
// recomputation.
import { warmUpRequest } from '../../web/engine-warmup.js';

let engine;
const enc = new TextEncoder(), dec = new TextDecoder();

function call(req) {
  const bytes = enc.encode(JSON.stringify(req));
  const ptr = engine._hubreport_alloc(bytes.length) >>> 0;
  engine.HEAPU8.set(bytes, ptr);
  try { return reply(engine._hubreport_call(ptr, bytes.length)); } finally { engine._hubreport_free(ptr); }
}
function reply(p) {
  const v = new DataView(engine.HEAPU8.buffer);
  const [status, data, len] = [v.getUint32(p >>> 0, true), v.getUint32((p >>> 0) + 4, true), v.getUint32((p >>> 0) + 8, true)];
  const text = dec.decode(engine.HEAPU8.subarray(data, data + len));
  if (status) throw new Error(text);
  return text;
}

export async function init(engineUrl) {
  const factory = (await import(engineUrl)).default;
  engine = await factory({ locateFile: (f) => new URL(f, engineUrl).href });
}
export async function load(snapshotUrl) {
  const manifestText = await (await fetch(new URL('manifest.json', snapshotUrl))).text();
  const manifest = JSON.parse(manifestText);
  let bytes = manifestText.length;
  call({ op: 'begin', manifest: manifestText });
  // The precomputed default views (role "views", listed last) are for the page's first paint, not an engine part.
  for (const [i, f] of manifest.files.entries()) {
    if (f.role === 'views') continue;
    const res = await fetch(new URL(f.path, snapshotUrl));
    const raw = new Uint8Array(await new Response(res.body.pipeThrough(new DecompressionStream('gzip'))).arrayBuffer());
    bytes += f.bytes;
    const ptr = engine._hubreport_alloc(raw.length) >>> 0;
    engine.HEAPU8.set(raw, ptr);
    try { reply(engine._hubreport_part(i, ptr, raw.length)); } finally { engine._hubreport_free(ptr); }
  }
  const info = JSON.parse(call({ op: 'finish' }));
  call(warmUpRequest(info.id));
  call({ op: 'configure', cache: false });
  return { bytes, heap: engine.HEAPU8.length };
}
export async function report(query) {
  const views = JSON.parse(call({ op: 'views', query }));
  return Object.fromEntries(Object.entries(views).map(([k, v]) => [k, v.rows]));
}
export async function heap() { return engine.HEAPU8.length; }
