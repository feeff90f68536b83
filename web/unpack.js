// Gunzips one snapshot file into exactly the bytes its manifest promises. Shared by the engine's worker and the
// nested worker that unpacks parts ahead of the parser (unpack-worker.js).

/** An error the page can explain (worker.js reports it): kind is corrupt here. Plain data, so it crosses workers. */
function corrupt(message, detail = '') {
  return Object.assign(new Error(message), { kind: 'corrupt', detail });
}

/** The gunzipped bytes of `compressed`: refuses bad gzip and any size other than rawBytes. */
export async function unpackGzip(path, compressed, rawBytes) {
  let out;
  try {
    out = new Uint8Array(rawBytes);
  } catch (err) {  // a manifest that claims more than the browser can hold
    throw corrupt(`The snapshot file ${path} claims to unpack to ${rawBytes} bytes, more than this browser can hold.`, String(err.message || err));
  }
  let off = 0;
  const reader = new Blob([compressed]).stream().pipeThrough(new DecompressionStream('gzip')).getReader();
  for (;;) {
    let chunk;
    try {
      chunk = await reader.read();
    } catch (err) {
      throw corrupt(`The snapshot file ${path} is not valid gzip.`, String(err.message || err));
    }
    if (chunk.done) break;
    if (off + chunk.value.length > rawBytes) {
      reader.cancel();
      throw corrupt(`The snapshot file ${path} unpacks to more bytes than its manifest says.`);
    }
    out.set(chunk.value, off);
    off += chunk.value.length;
  }
  if (off !== rawBytes) throw corrupt(`The snapshot file ${path} unpacks to ${off} bytes, not ${rawBytes}.`);
  return out;
}
