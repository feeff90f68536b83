// The columns `hubreport export` writes (NAME.TYPE files, little-endian) as typed arrays. `fetchBytes(name)` returns
// an ArrayBuffer (fetch in the browser, fs under node).
import { paramBin } from './state.js';

export const COLUMN_FILES = ['type.u8', 'created.u16', 'author.u32', 'country.u8', 'sector.u8', 'task.u16', 'modality.u8',
  'library.u16', 'license.u16', 'family.u32', 'relation.u8', 'direct.u8', 'size.u8', 'sdk.u8', 'params.f64',
  'downloads_all.f64', 'likes.u32', 'series_month.u16', 'series_downloads.u32', 'series_start.u32',
  'author_country.u8', 'author_sector.u8'];
const ARRAY = { u8: Uint8Array, u16: Uint16Array, u32: Uint32Array, f64: Float64Array };

export async function readColumns(fetchBytes, files = COLUMN_FILES) {
  const D = {};
  await Promise.all(files.map(async (f) => {
    const [name, kind] = f.split('.');
    D[name] = new ARRAY[kind](await fetchBytes(f));
  }));
  return D;
}

// Derived once after loading, like the engine's derived row fields: each model's log2 parameter bin.
export function deriveParamBins(D) {
  const pbin = new Uint16Array(D.params.length);
  for (let r = 0; r < pbin.length; r++) if (D.params[r] > 0) pbin[r] = paramBin(D.params[r]);
  D.pbin = pbin;
  return D;
}
