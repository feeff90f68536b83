// A small static file server for the built site: correct MIME types for .wasm/.mjs/.gz, no directory listing,
// optional Content-Security-Policy header (the page must work under a strict one).
// Usage: node scripts/serve.mjs [DIR=build/site] [--port 8080] [--csp]
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const args = process.argv.slice(2);
const root = path.resolve(args.find((a) => !a.startsWith('--') && !/^\d+$/.test(a)) || 'build/site');
const portFlag = args.indexOf('--port');
const port = portFlag >= 0 ? Number(args[portFlag + 1]) : Number(process.env.PORT || 8080);
const csp = args.includes('--csp');

const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.wasm': 'application/wasm', '.gz': 'application/gzip',
  '.png': 'image/png', '.svg': 'image/svg+xml', '.ico': 'image/x-icon', '.txt': 'text/plain; charset=utf-8',
};

export function startServer({ dir = root, listenPort = port, withCsp = csp } = {}) {
  const server = http.createServer((req, res) => {
    let rel;
    try { rel = decodeURIComponent(new URL(req.url, 'http://x').pathname); } catch { res.writeHead(400).end(); return; }
    let file = path.join(dir, path.normalize(rel));
    if (!file.startsWith(dir)) { res.writeHead(403).end(); return; }
    if (rel.endsWith('/')) file = path.join(file, 'index.html');
    fs.stat(file, (err, st) => {
      if (err || !st.isFile()) { res.writeHead(404, { 'content-type': 'text/plain' }).end('not found'); return; }
      const headers = { 'content-type': types[path.extname(file)] || 'application/octet-stream', 'content-length': st.size,
        'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' };
      if (withCsp) headers['content-security-policy'] =
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors *";
      res.writeHead(200, headers);
      if (req.method === 'HEAD') { res.end(); return; }
      fs.createReadStream(file).pipe(res);
    });
  });
  return new Promise((resolve) => server.listen(listenPort, '127.0.0.1', () => resolve(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  startServer().then((s) => console.log(`serving ${root} at http://127.0.0.1:${s.address().port}/ (Ctrl-C stops)`));
}
