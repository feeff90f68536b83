// More broken snapshots, each of which must end in a specific role="alert", never a wrong chart: a row group the
// manifest lists but the host lacks, bad gzip behind a matching hash, counts that disagree with the rows, and an
// out-of-range value inside a row group.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { assert, copySite, defaultSnapshot, expectAlert } from './lib.mjs';

// Damages one file of a copy of the site; `edit(manifest, dir)` may rewrite files and the manifest.
async function damaged(site, pattern, edit) {
  const copy = copySite(site);
  try {
    const { id, manifest } = defaultSnapshot(copy);
    const dir = path.join(copy, 'snapshots', id);
    edit(manifest, dir);
    fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
    await expectAlert(copy, pattern);
  } finally { fs.rmSync(copy, { recursive: true, force: true }); }
}

const rehash = (file, bytes) => {
  file.bytes = bytes.length;
  file.sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
};

const viewsFile = (m) => {
  const f = m.files.find((x) => x.role === 'views');
  assert(f, 'the snapshot lists no precomputed views file');
  return f;
};

export const tests = {
  async 'a damaged precomputed views file fails its checksum'({ site }) {
    await damaged(site, /damaged|checksum/i, (m, dir) => {
      const file = path.join(dir, viewsFile(m).path);
      const bytes = fs.readFileSync(file);
      bytes[Math.floor(bytes.length / 2)] ^= 0xff;
      fs.writeFileSync(file, bytes);
    });
  },
  async 'a precomputed views file that is not the views, behind a matching hash'({ site }) {
    await damaged(site, /damaged|corrupt|views|JSON/i, (m, dir) => {
      const f = viewsFile(m);
      const text = '{"headline": [1, 2, ';
      const bytes = zlib.gzipSync(text);
      fs.writeFileSync(path.join(dir, f.path), bytes);
      rehash(f, bytes);
      f.raw_bytes = Buffer.byteLength(text);
    });
  },
  async 'a precomputed views file missing on the host'({ site }) {
    await damaged(site, /missing|could not be found|404/i, (m, dir) => fs.rmSync(path.join(dir, viewsFile(m).path)));
  },
  async 'a row group missing after the precomputed views were drawn takes them down'({ site }) {
    // The views draw from their own (good) file first; the broken data behind them still ends in the alert.
    await damaged(site, /missing|could not be found|404/i, (m, dir) => fs.rmSync(path.join(dir, m.files.find((f) => f.role === 'rows').path)));
  },

  async 'a row group missing on the host'({ site }) {
    await damaged(site, /missing|could not be found|404/i, (m, dir) => fs.rmSync(path.join(dir, m.files.filter((f) => f.role === 'rows').at(-1).path)));
  },
  async 'bad gzip behind a matching hash'({ site }) {
    await damaged(site, /damaged|corrupt|gzip|decompress/i, (m, dir) => {
      const f = m.files.filter((x) => x.role === 'rows').at(-1);
      const bytes = Buffer.from('this is not gzip at all, but the manifest vouches for it');
      fs.writeFileSync(path.join(dir, f.path), bytes);
      rehash(f, bytes);
    });
  },
  async 'counts that disagree with the rows'({ site }) {
    await damaged(site, /disagree|hold|counts|rows/i, (m) => {
      m.counts.models += 1;
      m.counts.spaces -= 1;
    });
  },
  async 'an out-of-range value inside a row group'({ site }) {
    await damaged(site, /out of range|damaged|corrupt/i, (m, dir) => {
      const f = m.files.filter((x) => x.role === 'rows').at(-1);
      const text = zlib.gunzipSync(fs.readFileSync(path.join(dir, f.path))).toString();
      const bad = text.replace(/"type":(\{"runs":\[|\[)\d/, (s) => s.slice(0, -1) + '7');
      assert(bad !== text, 'no type column to damage');
      const bytes = zlib.gzipSync(bad);
      fs.writeFileSync(path.join(dir, f.path), bytes);
      rehash(f, bytes);
      f.raw_bytes = Buffer.byteLength(bad);
    });
  },
};
