// Runs the wasm engine under node the way the page's worker does: manifest, then each part (hash checked,
// gunzipped), then requests. Used by the native-vs-wasm parity test and handy for poking at the module.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import crypto from 'node:crypto';
import { createRequire } from 'node:module';

export async function loadEngine(moduleDir) {
  // Emscripten 3.1.6's ES module still reaches for require/__dirname under node.
  globalThis.require = createRequire(import.meta.url);
  globalThis.__dirname = moduleDir;
  const { default: createHubreport } = await import(path.join(moduleDir, 'hubreport.js'));
  const wasmBinary = fs.readFileSync(path.join(moduleDir, 'hubreport.wasm'));
  const M = await createHubreport({ wasmBinary });
  const reply = (ptr) => {
    const p = ptr >>> 2;
    const [status, data, len] = [M.HEAPU32[p], M.HEAPU32[p + 1] >>> 0, M.HEAPU32[p + 2]];
    const text = Buffer.from(M.HEAPU8.subarray(data, data + len)).toString('utf8');
    if (status !== 0) throw new Error(text);
    return text;
  };
  const withBytes = (bytes, fn) => {
    const ptr = M._hubreport_alloc(bytes.length) >>> 0;
    M.HEAPU8.set(bytes, ptr);
    try { return fn(ptr); } finally { M._hubreport_free(ptr); }
  };
  const call = (request) => withBytes(Buffer.from(JSON.stringify(request)), (ptr) => reply(M._hubreport_call(ptr, Buffer.byteLength(JSON.stringify(request)))));
  const part = (index, bytes) => withBytes(bytes, (ptr) => reply(M._hubreport_part(index, ptr, bytes.length)));
  return {
    call,
    part,
    // Bytes of wasm memory (it grows, never shrinks: the peak of the engine's heap so far).
    heapBytes: () => M.HEAPU8.length,
    async open(snapshotDir) {
      const manifestText = fs.readFileSync(path.join(snapshotDir, 'manifest.json'), 'utf8');
      const manifest = JSON.parse(manifestText);
      call({ op: 'begin', manifest: manifestText });
      manifest.files.forEach((f, i) => {
        if (f.role === 'views') return; // the page's precomputed default views: not a data part
        const gz = fs.readFileSync(path.join(snapshotDir, f.path));
        const sha = crypto.createHash('sha256').update(gz).digest('hex');
        if (sha !== f.sha256) throw new Error(`${f.path}: content hash does not match the manifest`);
        part(i, zlib.gunzipSync(gz));
      });
      return JSON.parse(call({ op: 'finish' }));
    },
    heapBytes: () => M.HEAPU8.length,
  };
}

// node tests/wasm/engine_node.mjs MODULE_DIR SNAPSHOT_DIR [QUERY]  -> prints every view as JSON (like `hubreport view --view all`)
if (import.meta.url === `file://${process.argv[1]}`) {
  const [moduleDir, snapshotDir, query = ''] = process.argv.slice(2);
  const engine = await loadEngine(path.resolve(moduleDir));
  await engine.open(snapshotDir);
  process.stdout.write(engine.call({ op: 'views', query }) + '\n');
}
