// Nested module worker: gunzips snapshot parts while the engine's worker parses earlier ones, so unpacking and
// parsing run on two cores instead of taking turns on one (the engine's worker, worker.js, starts it).
import { unpackGzip } from './unpack.js';

self.onmessage = async ({ data: { id, path, bytes, rawBytes } }) => {
  try {
    const raw = await unpackGzip(path, bytes, rawBytes);
    self.postMessage({ id, ok: true, raw }, [raw.buffer]);
  } catch (err) {
    self.postMessage({ id, ok: false, error: { kind: err.kind || 'corrupt', message: String(err.message || err),
      detail: err.detail || '' } });
  }
};
