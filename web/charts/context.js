// What a view's build(state, slice, ctx) draws for besides its state and slice. One definition for the page
// (main.js) and for the build-time pictures (scripts/prerender.mjs): a picture is shown only where the page's
// context is exactly the one it was drawn in.
export function chartContext({ theme, narrow, width, manifest, info }) {
  return { theme, narrow, width, singleDump: Boolean(manifest?.single_dump ?? info?.single_dump),
    snapshotDate: info?.date || manifest?.date || null };
}
