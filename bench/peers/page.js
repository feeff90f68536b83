// Starts the peer's worker and exposes window.bench(op, ...args) -> {ms, value} to the driver (bench/run.mjs).
const impl = new URL(location.href).searchParams.get('impl');
const worker = new Worker(`./worker.js?impl=${encodeURIComponent(impl)}`, { type: 'module' });
const pending = new Map();
let seq = 0;
const ready = new Promise((resolve, reject) => {
  worker.onerror = (e) => reject(new Error(e.message || 'worker failed to start'));
  worker.onmessage = ({ data }) => {
    if (data.ready) return resolve();
    const p = pending.get(data.id);
    pending.delete(data.id);
    if (data.ok) p.resolve({ ms: data.ms, value: data.value });
    else p.reject(new Error(data.error));
  };
});
window.bench = async (op, ...args) => {
  await ready;
  return new Promise((resolve, reject) => {
    const id = ++seq;
    pending.set(id, { resolve, reject });
    worker.postMessage({ id, op, args });
  });
};
