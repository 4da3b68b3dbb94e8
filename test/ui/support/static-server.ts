// A tiny HTTP server for the browser tests: admin-ui/dist as the real server will serve it
// (static files, index.html for history routes, the same content security policy), on
// 127.0.0.1 and a free port. Calls to /api/… answer 404 in the server's error shape (the
// editors alone, without a server), and are recorded so a test can check what the page sent.
import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { uiAssetsDir } from '../../../admin-ui/index.ts';

// The policy of server/http/security-headers.ts (nothing but our own origin, no inline
// script) with one exception the app's page needs: inline styles. CodeMirror 6 (the FEEL
// fields of the properties panel and of dmn-js) adds its styles as <style> elements, and
// bpmn-js, dmn-js and the properties panel build elements from HTML with style="…" (the
// bpmn.io watermark, drag images, the panel container); none of them takes a nonce from
// us. The server has to send this policy for the app's HTML page (admin-ui/README.md), so
// the tests run under it and fail on anything else the policy refuses.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'",
  "object-src 'none'", "img-src 'self' data:", "script-src 'self'", "style-src 'self' 'unsafe-inline'",
].join('; ');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.eot': 'application/vnd.ms-fontobject',
  '.png': 'image/png',
};

export interface RecordedRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: unknown;
}

export interface StaticServer {
  url: string;
  /** Every /api request, in order. */
  apiRequests: RecordedRequest[];
  close(): Promise<void>;
}

async function readBody(req: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export async function startStaticServer(): Promise<StaticServer> {
  const root = uiAssetsDir();
  const apiRequests: RecordedRequest[] = [];
  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (url.pathname.startsWith('/api/')) {
        const recorded: RecordedRequest = { method: req.method ?? 'GET', path: url.pathname + url.search, headers: req.headers, body: await readBody(req) };
        apiRequests.push(recorded);
        res.writeHead(404, { 'Content-Type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify({ error: { code: 'NOT_FOUND', message: '未找到该资源，或您无权查看' } }));
        return;
      }
      let file = path.join(root, path.normalize(decodeURIComponent(url.pathname)));
      if (!file.startsWith(root)) file = path.join(root, 'index.html');
      let data: Buffer;
      try {
        data = await fs.readFile(file);
      } catch {
        // History routes (/process/models) get the app's page; missing assets a 404.
        if (url.pathname.startsWith('/assets/')) {
          res.writeHead(404).end();
          return;
        }
        file = path.join(root, 'index.html');
        data = await fs.readFile(file);
      }
      res.writeHead(200, {
        'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'Cache-Control': 'no-store',
      });
      res.end(data);
    } catch (err) {
      res.writeHead(500).end(String(err));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    apiRequests,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
