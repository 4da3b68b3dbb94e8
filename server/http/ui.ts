// The browser app (admin-ui/dist, built by `npm run build:ui`): hashed assets cached for good,
// and index.html for every other GET outside /api, since the app routes by URL path.
// bpmn-js, dmn-js and CodeMirror inject inline styles without nonces: the app's page
// allows inline styles (scripts stay 'self' only).
import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type Express } from 'express';

const PAGE_POLICY = [
  "default-src 'self'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "object-src 'none'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
].join('; ');

export function mountUi(app: Express, dir: string): void {
  const index = path.join(dir, 'index.html');
  if (!existsSync(index)) return;
  app.use(
    '/assets',
    express.static(path.join(dir, 'assets'), {
      fallthrough: false,
      setHeaders: (res) => res.setHeader('Cache-Control', 'public, max-age=31536000, immutable'),
    }),
  );
  app.get(/^\/(?!api\/|api$).*/, (_req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.setHeader('Content-Security-Policy', PAGE_POLICY);
    res.sendFile(index);
  });
}
