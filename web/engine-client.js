// Promise wrapper around the engine worker. Every request gets an id; the worker answers once
// (and may send progress messages before that).

export class EngineError extends Error {
  constructor({ kind, message, detail }) {
    super(message);
    this.kind = kind;
    this.detail = detail || '';
  }
}

export class EngineClient {
  constructor(workerUrl) {
    this.pending = new Map();
    this.nextId = 1;
    // Requests that need the loaded snapshot wait for it (a click made while it loads is queued, never lost);
    // `state` only needs the engine module, which `open` starts.
    this.loaded = false;
    this.ready = new Promise((resolve, reject) => { this.setReady = resolve; this.setFailed = reject; });
    this.ready.catch(() => {});
    this.worker = new Worker(workerUrl, { type: 'module' });
    this.worker.onmessage = (e) => this.onMessage(e.data);
    // A worker that fails to start (missing file, syntax error, no module-worker support) fails every request.
    this.worker.onerror = (e) => {
      e.preventDefault?.();
      this.failAll({ kind: 'engine', message: 'The engine worker could not start.', detail: e.message || '' });
    };
  }

  onMessage({ id, ok, result, error, progress }) {
    const p = this.pending.get(id);
    if (!p) return;
    if (progress) { p.onProgress?.(progress); return; }
    this.pending.delete(id);
    if (ok) p.resolve(result);
    else p.reject(new EngineError(error));
  }

  failAll(error) {
    for (const p of this.pending.values()) p.reject(new EngineError(error));
    this.pending.clear();
  }

  send(op, args, onProgress) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, onProgress });
      this.worker.postMessage({ id, op, args });
    });
  }

  /** Starts the engine module and reads the index and manifest (`wanted` if the index has it, else the default):
   *  resolves {id, index, manifest}. `link` (the page's query) is answered as a `state` request on the way, and
   *  the first `state` request for exactly that query gets the answer without asking the worker. */
  async open(args) {
    const { firstState, ...opened } = await this.send('open', args);
    this.firstState = firstState ?? null;
    return opened;
  }

  /** The manifest's precomputed views (role "views"), checked like every file: resolves {data, state, ms}. */
  defaultViews() {
    return this.send('defaultViews', {});
  }

  /** Loads the snapshot's data parts into the engine; resolves {info, loadMs}. Queued requests run after it. */
  async load(onProgress) {
    try {
      const out = await this.send('load', {}, onProgress);
      this.loaded = true;
      this.setReady();
      return out;
    } catch (err) {
      this.setFailed(err);
      throw err;
    }
  }

  /** One engine request; resolves {data, engineMs}. format 'text' keeps the answer as text (CSV). */
  async call(request, format = 'json') {
    if (request.op !== 'state' && !this.loaded) await this.ready;
    return this.send('call', { request, format });
  }

  async state(query) {
    const first = this.firstState;
    if (first?.query === query) {
      this.firstState = null;
      if (first.error) throw new EngineError(first.error);
      return first.data;
    }
    return (await this.call({ op: 'state', query })).data;
  }

  async views(query) { return this.call({ op: 'views', query }); }

  async view(query, view) { return this.call({ op: 'view', query, view, format: 'json' }); }

  async csv(query, view) { return (await this.call({ op: 'view', query, view, format: 'csv' }, 'text')).data; }

  async orgs(prefix, limit = 20) { return (await this.call({ op: 'orgs', prefix, limit })).data; }

  async values(dim) { return (await this.call({ op: 'values', dim })).data; }
}

/** The engine's lists (orgs, values) as plain names, whatever wrapper they come in
 *  (["a"], [{"name":"a","count":3}], [["a",3]], {"values":[...]}, or a slice with rows). */
export function namesOf(answer) {
  let list = answer;
  if (list && !Array.isArray(list)) list = list.values ?? list.orgs ?? list.rows ?? list.items ?? [];
  if (!Array.isArray(list)) return [];
  return list.map((x) => {
    if (x == null) return null;
    if (typeof x !== 'object') return String(x);
    if (Array.isArray(x)) return x[0] == null ? null : String(x[0]);
    const v = x.name ?? x.value ?? x.org ?? x.id;
    return v == null ? null : String(v);
  }).filter((x) => x != null);
}
