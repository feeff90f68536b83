// Peak memory of the page: the renderer process of the Chromium this process launched hosts the page and all its
// workers (DuckDB's own worker included). Its VmHWM (peak resident set, from /proc) is the kernel's own high-water
// mark, so reading it at the end suffices; a read every 2 s covers a renderer that exits early. (Reading /proc every
// 100 ms took CPU from the 2 cores the timed worker runs on.) Summing every Chromium process would count shared
// libraries several times.
import fs from 'node:fs';

function descendants(root) {
  const kids = new Map();
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!kids.has(ppid)) kids.set(ppid, []);
      kids.get(ppid).push(Number(d));
    } catch { /* exited */ }
  }
  const out = [], stack = [...(kids.get(root) || [])];
  while (stack.length) { const p = stack.pop(); out.push(p); stack.push(...(kids.get(p) || [])); }
  return out;
}

function rendererPeak() {
  let peak = 0;
  for (const p of descendants(process.pid)) {
    try {
      if (!fs.readFileSync(`/proc/${p}/cmdline`, 'utf8').includes('--type=renderer')) continue;
      const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${p}/status`, 'utf8'));
      if (m) peak = Math.max(peak, Number(m[1]) * 1024);
    } catch { /* exited */ }
  }
  return peak;
}

export function peakMemory() {
  let peak = 0;
  const timer = setInterval(() => { peak = Math.max(peak, rendererPeak()); }, 2000);
  return { stop() { clearInterval(timer); peak = Math.max(peak, rendererPeak()); return peak; } };
}
