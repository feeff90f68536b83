// Snapshots at other scales for the scaling table: hubreport synth + build (as scripts/make-default-snapshot.sh),
// into build/bench/scale-S/ and reused while the command line is unchanged.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';

export function scaledSnapshot(root, scale) {
  const dir = path.join(root, 'build/bench', `scale-${scale.toFixed(4)}`);
  const snap = path.join(dir, 'snapshot');
  if (fs.existsSync(path.join(snap, 'manifest.json'))) return snap;
  const cli = path.join(root, 'build/native/hubreport'), synth = path.join(dir, 'synth');
  process.stderr.write(`bench: building a snapshot at scale ${scale.toFixed(4)}\n`);
  execFileSync(cli, ['synth', '-o', synth, '--scale', String(scale), '--seed', '42', '--date', '2026-03-15'], { stdio: 'ignore' });
  const dumps = (kind) => fs.readdirSync(synth).filter((f) => f.startsWith(kind)).map((f) => path.join(synth, f));
  execFileSync(cli, ['build', '-o', snap, '--id', `synthetic-scale-${scale.toFixed(4)}`, '--kind', 'synthetic',
    '--provenance', `Synthetic: hubreport synth --seed 42 --scale ${scale}`, '--models', ...dumps('models'),
    '--datasets', ...dumps('datasets'), '--spaces', ...dumps('spaces')], { stdio: 'ignore' });
  fs.rmSync(synth, { recursive: true, force: true });
  return snap;
}
