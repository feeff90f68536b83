// Module worker: owns the wasm engine. Loads a snapshot (index -> manifest -> parts, each streamed, size- and
// sha256-checked, gunzipped ahead by a nested worker while earlier parts parse) and answers engine requests. The page
// never blocks on it.
import { sha256Hex } from './sha256.js';
import { unpackGzip } from './unpack.js';
import { warmUpRequest } from './engine-warmup.js';
import { withKey } from './state.js';

let engine = null; // the Emscripten module
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** An error the page can explain: kind is missing | corrupt | version | engine | request. */
class LoadError extends Error {
  constructor(kind, message, detail = '') {
    super(message);
    this.kind = kind;
    this.detail = detail;
  }
}

self.onmessage = async (event) => {
  const { id, op, args } = event.data;
  try {
    let result;
    if (op === 'open') result = await open(args);
    else if (op === 'defaultViews') result = await defaultViews();
    else if (op === 'load') result = await load((p) => self.postMessage({ id, progress: p }));
    else if (op === 'call') result = request(args.request, args.format);
    else throw new LoadError('request', `unknown worker op ${op}`);
    self.postMessage({ id, ok: true, result });
  } catch (err) {
    self.postMessage({ id, ok: false, error: { kind: err.kind || 'engine', message: String(err.message || err),
      detail: err.detail || '' } });
  }
};

// ---- the wasm boundary (docs/contracts.md §4) ----

/** Reads the packed {u32 status, u32 data_ptr, u32 data_len} the engine returns. HEAPU8 is re-read because
 *  the call may have grown memory, which detaches older views. */
function readResult(resultPtr) {
  const heap = engine.HEAPU8;
  const view = new DataView(heap.buffer);
  const p = resultPtr >>> 0;
  const status = view.getUint32(p, true);
  const dataPtr = view.getUint32(p + 4, true) >>> 0;
  const dataLen = view.getUint32(p + 8, true) >>> 0;
  const text = decoder.decode(engine.HEAPU8.subarray(dataPtr, dataPtr + dataLen));
  return { status, text };
}

/** One JSON request to the engine; returns the response text, throws its error text. */
function callText(req) {
  const bytes = encoder.encode(JSON.stringify(req));
  const ptr = engine._hubreport_alloc(bytes.length + 1) >>> 0;
  if (!ptr) throw new LoadError('engine', 'The engine ran out of memory.');
  engine.HEAPU8.set(bytes, ptr);
  engine.HEAPU8[ptr + bytes.length] = 0;
  try {
    const { status, text } = readResult(engine._hubreport_call(ptr, bytes.length));
    if (status !== 0) throw new LoadError('request', text || `engine status ${status}`);
    return text;
  } finally {
    engine._hubreport_free(ptr);
  }
}

/** A page request: JSON responses are parsed here so the page thread does not pay for it. */
function request(req, format) {
  if (!engine) throw new LoadError('engine', 'The engine is not loaded yet.');
  const t0 = performance.now();
  const text = callText(req);
  const engineMs = performance.now() - t0;
  const data = format === 'text' ? text : JSON.parse(text);
  return { data, engineMs };
}

// ---- loading ----

async function loadEngine(engineUrl) {
  let factory;
  try {
    factory = (await import(engineUrl)).default;
  } catch (err) {
    throw new LoadError('engine', 'The engine (hubreport.js) could not be loaded.', String(err.message || err));
  }
  try {
    return await factory({ locateFile: (file) => new URL(file, engineUrl).href });
  } catch (err) {
    throw new LoadError('engine', 'The engine (hubreport.wasm) could not be started.', String(err.message || err));
  }
}

async function fetchOk(url, what, signal) {
  let res;
  try {
    res = await fetch(url, { signal, cache: 'no-cache' });
  } catch (err) {
    if (err.name === 'AbortError') throw err;
    throw new LoadError('missing', `The ${what} could not be downloaded (network error).`, `${url}: ${err.message}`);
  }
  if (!res.ok) throw new LoadError('missing', `The ${what} is missing (HTTP ${res.status}).`, String(url));
  return res;
}

async function fetchJson(url, what) {
  const text = await (await fetchOk(url, what)).text();
  try {
    return { text, json: JSON.parse(text) };
  } catch {
    throw new LoadError('corrupt', `The ${what} is not valid JSON.`, String(url));
  }
}

/** A snapshot id from the index or a link becomes a path segment: keep it to the contract's alphabet. */
const SNAPSHOT_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

function pickSnapshot(index, wanted) {
  const list = Array.isArray(index.snapshots) ? index.snapshots : [];
  if (wanted && list.some((s) => s.id === wanted)) return wanted;
  const id = index.default ?? list[0]?.id;
  if (typeof id !== 'string' || !SNAPSHOT_ID.test(id)) {
    throw new LoadError('corrupt', 'The snapshot index names no usable default snapshot.');
  }
  return id;
}

function checkManifest(manifest, base) {
  if (!manifest || !Array.isArray(manifest.files) || manifest.files.length === 0) {
    throw new LoadError('corrupt', 'The snapshot manifest lists no files.');
  }
  for (const f of manifest.files) {
    const url = new URL(String(f.path), base);
    const ok = url.href.startsWith(base.href) && Number.isSafeInteger(f.bytes) && f.bytes >= 0
      && Number.isSafeInteger(f.raw_bytes) && f.raw_bytes >= 0 && /^[0-9a-f]{64}$/i.test(String(f.sha256));
    if (!ok) throw new LoadError('corrupt', 'The snapshot manifest has a malformed file entry.', String(f.path));
  }
}

/** Downloads one compressed file into memory, reporting bytes as they arrive. */
async function download(file, url, signal, onBytes) {
  const res = await fetchOk(url, `snapshot file ${file.path}`, signal);
  // Some hosts serve .gz files with Content-Encoding: gzip, and fetch then hands over the unpacked text:
  // it can still be used, but its checksum (of the packed file) cannot be checked.
  const unpacked = /gzip/i.test(res.headers.get('content-encoding') || '');
  const buf = new Uint8Array(unpacked ? file.raw_bytes : file.bytes);
  let off = 0;
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (off + value.length > buf.length) {
      reader.cancel();
      throw new LoadError('corrupt', `The snapshot file ${file.path} is larger than its manifest says.`);
    }
    buf.set(value, off);
    off += value.length;
    onBytes(value.length);
  }
  if (off !== buf.length) {
    throw new LoadError('corrupt', `The snapshot file ${file.path} is truncated (${off} of ${buf.length} bytes).`);
  }
  return { bytes: buf, unpacked };
}

/** The unpacked text of a downloaded part, from the nested unpacking worker (unpack-worker.js): it gunzips the parts
 *  ahead while this worker parses. Unpacking here took 1.0-1.5 s of this worker's time on the default snapshot, in
 *  turns with parsing. Where no nested worker can start (an old browser, a host without the script) it is done here. */
let unpacker = null; // the nested worker; false once it proved unusable
const unpacking = new Map(); // request id -> {resolve, reject, here}
let unpackId = 0;
function unpack(file, { bytes, unpacked }) {
  // Its errors carry their kind and detail as a LoadError does (unpack.js), which is all the page is sent.
  const here = () => unpackGzip(file.path, bytes, file.raw_bytes);
  if (unpacked) return Promise.resolve(bytes);
  startUnpacker();
  if (!unpacker) return here();
  return new Promise((resolve, reject) => {
    const id = unpackId++;
    unpacking.set(id, { resolve, reject, here });
    // Copied, not transferred: the bytes stay here in case the worker fails and they must be unpacked here.
    unpacker.postMessage({ id, path: file.path, bytes, rawBytes: file.raw_bytes });
  });
}

/** Starts the nested worker once; `open` calls it so that it is ready when the first part arrives. */
function startUnpacker() {
  if (unpacker !== null) return;
  try {
    unpacker = typeof Worker === 'function' ? new Worker(new URL('./unpack-worker.js', import.meta.url), { type: 'module' }) : false;
  } catch {
    unpacker = false;
  }
  if (!unpacker) return;
  unpacker.onmessage = ({ data }) => {
    const waiting = unpacking.get(data.id);
    unpacking.delete(data.id);
    if (data.ok) waiting.resolve(data.raw);
    else waiting.reject(new LoadError(data.error.kind, data.error.message, data.error.detail));
  };
  unpacker.onerror = (event) => {
    event.preventDefault();
    unpacker.terminate();
    unpacker = false;
    for (const waiting of unpacking.values()) waiting.here().then(waiting.resolve, waiting.reject);
    unpacking.clear();
  };
}

/** Copies a part's unpacked text into a wasm buffer the engine parses from. */
function intoEngine(file, raw) {
  const ptr = engine._hubreport_alloc(Math.max(1, file.raw_bytes)) >>> 0;
  if (!ptr) throw new LoadError('engine', `Not enough memory for ${file.path}.`);
  engine.HEAPU8.set(raw, ptr);
  return ptr;
}

const PREFETCH = 3; // files downloaded and unpacked ahead of the one being parsed: the network and the unpacker stay busy

let opened = null; // {id, base, manifest: {text, json}} once `open` succeeded

/** Step 1: the engine module (its state parser works before any snapshot is loaded), the index and the manifest.
 *  Two chains at once: index -> manifest -> views file needs no engine, and the link's state needs no snapshot
 *  (chained behind the engine, the manifest and the views file waited for the wasm to download and compile). */
async function open({ engineUrl, snapshotsUrl, wanted, link }) {
  const loading = loadEngine(engineUrl);
  loading.catch(() => {}); // awaited below, after the snapshot's files
  const index = await fetchJson(new URL('index.json', snapshotsUrl), 'snapshot index (snapshots/index.json)');
  const id = pickSnapshot(index.json, wanted);
  const base = new URL(`${id}/`, snapshotsUrl);
  const manifest = await fetchJson(new URL('manifest.json', base), `manifest of snapshot ${id}`);
  checkManifest(manifest.json, base);
  opened = { id, base, manifest };
  // The views file is small: fetch it now, while the engine starts and the page asks whether its link is the default.
  if (manifest.json.files.some((f) => f.role === 'views')) {
    opened.views = readViews();
    opened.views.catch(() => {}); // reported when (if) the page asks for it
  }
  engine = await loading;
  startUnpacker();
  // The page's first question is the canonical form of its link (on this snapshot): answered now, since a question
  // sent later would wait while this worker checks and parses the views file.
  const firstState = stateAnswer(withKey(String(link ?? ''), 's', id));
  return { id, index: index.json, manifest: manifest.json, firstState };
}

/** {query, data} or {query, error}: a `state` request's answer as the page's engine client keeps it. */
function stateAnswer(query) {
  try {
    return { query, data: JSON.parse(callText({ op: 'state', query })) };
  } catch (err) {
    return { query, error: { kind: err.kind || 'engine', message: String(err.message || err), detail: err.detail || '' } };
  }
}

async function defaultViews() {
  if (!opened.views) throw new LoadError('request', 'This snapshot has no precomputed views.');
  return opened.views;
}

/** The precomputed `views` answer for the manifest's default_state (role "views"): downloaded, size- and
 *  hash-checked and gunzipped like every snapshot file, then parsed here so the page only draws. */
async function readViews() {
  const file = opened.manifest.json.files.find((f) => f.role === 'views');
  const t0 = performance.now();
  const got = await download(file, new URL(file.path, opened.base), undefined, () => {});
  if (!got.unpacked && await sha256Hex(got.bytes) !== String(file.sha256).toLowerCase()) {
    throw new LoadError('corrupt', `The snapshot file ${file.path} is damaged (its checksum does not match).`);
  }
  const text = got.unpacked ? got.bytes : await unpackGzip(file.path, got.bytes, file.raw_bytes);
  let data;
  try {
    data = JSON.parse(decoder.decode(text));
  } catch (err) {
    throw new LoadError('corrupt', `The snapshot file ${file.path} is not valid JSON.`, String(err.message || err));
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    throw new LoadError('corrupt', `The snapshot file ${file.path} does not hold the views.`);
  }
  return { data, state: opened.manifest.json.default_state, ms: performance.now() - t0 };
}

/** Step 2: every data part (not the views file) into the engine; resolves with the snapshot info when it can answer. */
async function load(progress) {
  const t0 = performance.now();
  const { id, base, manifest } = opened;
  try {
    callText({ op: 'begin', manifest: manifest.text });
  } catch (err) {
    const kind = /version|format/i.test(err.message) ? 'version' : 'corrupt';
    throw new LoadError(kind, `The engine refused snapshot ${id}.`, err.message);
  }

  // The engine's part index is the file's place in the manifest; the views file (listed last) is not a part.
  const files = manifest.json.files.filter((f) => f.role !== 'views');
  const total = { bytes: 0, raw: 0 };
  for (const f of files) { total.bytes += f.bytes; total.raw += f.raw_bytes; }
  const done = { bytes: 0, unpacked: 0, parsed: 0, files: 0 };
  let lastPost = 0;
  const report = (force) => {
    const now = performance.now();
    if (!force && now - lastPost < 50) return;
    lastPost = now;
    // Download is half the work; unpacking and parsing (by raw bytes) the other half.
    const fraction = 0.5 * (done.bytes / (total.bytes || 1))
      + 0.5 * ((0.3 * done.unpacked + 0.7 * done.parsed) / (total.raw || 1));
    progress({ fraction: Math.min(1, fraction), downloaded: done.bytes, totalBytes: total.bytes,
      filesDone: done.files, files: files.length });
  };

  const abort = new AbortController();
  const pending = [];
  // Each file is downloaded, checked and unpacked ahead, in that order; parsing takes them one by one.
  const start = (i) => {
    const file = files[i];
    const p = download(file, new URL(file.path, base), abort.signal, (n) => { done.bytes += n; report(); })
      .then(async (got) => {
        if (!got.unpacked && await sha256Hex(got.bytes) !== String(file.sha256).toLowerCase()) {
          throw new LoadError('corrupt', `The snapshot file ${file.path} is damaged (its checksum does not match).`);
        }
        const raw = await unpack(file, got);
        done.unpacked += file.raw_bytes;
        report();
        return raw;
      });
    p.catch(() => {}); // awaited in order below; this only silences "unhandled" while an earlier file parses
    pending[i] = p;
  };
  for (let i = 0; i < Math.min(PREFETCH, files.length); i++) start(i);
  try {
    for (let i = 0; i < files.length; i++) {
      const file = files[i];
      const raw = await pending[i];
      pending[i] = null;
      if (i + PREFETCH < files.length) start(i + PREFETCH);
      const ptr = intoEngine(file, raw);
      try {
        const { status, text } = readResult(engine._hubreport_part(i, ptr, file.raw_bytes));
        if (status !== 0) throw new LoadError('corrupt', `The engine could not read ${file.path}.`, text);
      } finally {
        engine._hubreport_free(ptr);
      }
      done.parsed += file.raw_bytes;
      done.files += 1;
      report(true);
    }
  } catch (err) {
    abort.abort();
    throw err;
  }

  let info;
  try {
    info = JSON.parse(callText({ op: 'finish' }));
  } catch (err) {
    throw new LoadError('corrupt', `The engine could not finish loading snapshot ${id}.`, err.message);
  }
  try {
    callText(warmUpRequest(id));
  } catch { /* only a warm-up: a refusal here changes nothing */ }
  return { info, loadMs: performance.now() - t0 };
}
