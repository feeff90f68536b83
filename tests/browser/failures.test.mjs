// Broken snapshots: a truncated rows file, a missing snapshot, a wrong format version. Each shows a role=alert
// that says what went wrong and what to do, and the page reports data-state="error".
import fs from 'node:fs';
import path from 'node:path';
import { copySite, defaultSnapshot, expectAlert } from './lib.mjs';

export const tests = {
  async 'a truncated rows file shows the alert'({ site }) {
    const copy = copySite(site);
    try {
      const { id, manifest } = defaultSnapshot(copy);
      const rows = manifest.files.find((f) => f.role === 'rows');
      const file = path.join(copy, 'snapshots', id, rows.path);
      fs.truncateSync(file, Math.floor(fs.statSync(file).size / 2));
      await expectAlert(copy, /damaged|truncated/i);
    } finally { fs.rmSync(copy, { recursive: true, force: true }); }
  },

  async 'a corrupted (same size) rows file fails its checksum'({ site }) {
    const copy = copySite(site);
    try {
      const { id, manifest } = defaultSnapshot(copy);
      const rows = manifest.files.find((f) => f.role === 'rows');
      const file = path.join(copy, 'snapshots', id, rows.path);
      const bytes = fs.readFileSync(file);
      bytes[Math.floor(bytes.length / 2)] ^= 0xff;
      fs.writeFileSync(file, bytes);
      await expectAlert(copy, /damaged|checksum/i);
    } finally { fs.rmSync(copy, { recursive: true, force: true }); }
  },

  async 'a missing snapshot shows the alert'({ site }) {
    const copy = copySite(site);
    try {
      fs.rmSync(path.join(copy, 'snapshots'), { recursive: true, force: true });
      await expectAlert(copy, /could not be found|missing/i);
    } finally { fs.rmSync(copy, { recursive: true, force: true }); }
  },

  async 'a wrong format version shows the alert'({ site }) {
    const copy = copySite(site);
    try {
      const { id, manifest } = defaultSnapshot(copy);
      manifest.version = 999;
      fs.writeFileSync(path.join(copy, 'snapshots', id, 'manifest.json'), JSON.stringify(manifest));
      await expectAlert(copy, /version/i);
    } finally { fs.rmSync(copy, { recursive: true, force: true }); }
  },

  async 'a missing engine shows the alert'({ site }) {
    const copy = copySite(site);
    try {
      for (const f of ['hubreport.wasm', 'hubreport.js']) fs.rmSync(path.join(copy, f), { force: true });
      await expectAlert(copy, /engine/i);
    } finally { fs.rmSync(copy, { recursive: true, force: true }); }
  },
};
