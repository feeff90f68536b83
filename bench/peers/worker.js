// Module worker hosting one peer (the page's engine also lives in a worker): ?impl=URL names a module exporting
// init(), load(dataUrl) and report(query). Times each step here, next to the work, and answers the page.
const impl = await import(new URL(location.href).searchParams.get('impl'));

self.onmessage = async ({ data: { id, op, args } }) => {
  try {
    const t0 = performance.now();
    let value = await impl[op](...(args || []));
    const ms = performance.now() - t0;
    if (op === 'report' && !args[1]) value = undefined;  // the numbers travel back only for the correctness check
    self.postMessage({ id, ok: true, ms, value });
  } catch (err) {
    self.postMessage({ id, ok: false, error: String(err?.stack || err) });
  }
};
self.postMessage({ ready: true });
