// Starts the engine worker and its first step (engine module, snapshot index and manifest, and the precomputed
// views) as soon as the document is parsed: index.html runs this small module before main.js, whose larger module
// graph is still loading. main.js imports the same module instance and takes over.
import { EngineClient } from './engine-client.js';
import { getValue } from './state.js';
import { fetchPictures } from './pictures.js';

export let engine = null;
/** Resolves {id, index, manifest}; rejects with the worker's LoadError. */
export let opened;
try {
  engine = new EngineClient(new URL('worker.js', import.meta.url));
  opened = engine.open({
    engineUrl: new URL('hubreport.js', import.meta.url).href,
    snapshotsUrl: new URL('snapshots/', document.baseURI).href,
    wanted: getValue(location.search.slice(1), 's'),
    link: location.search.slice(1),
  });
} catch (err) {
  opened = Promise.reject({ kind: 'engine', message: 'The engine worker could not start.', detail: String(err?.message || err) });
}
opened.catch(() => {}); // main.js reports it

// The default view's build-time pictures (pictures.js), fetched beside the engine's first step: only a link to the
// default view can use them (an embed of it too): a key but the snapshot, the link version or embed makes another.
const keys = [...new URLSearchParams(location.search).keys()].filter((k) => !['s', 'v', 'embed'].includes(k));
export const pictures = keys.length ? Promise.resolve(null)
  : fetchPictures(document.baseURI, matchMedia('(prefers-color-scheme: dark)').matches);
