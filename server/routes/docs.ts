// The API's own documentation: OpenAPI JSON and a readable page, both from the route table.
import { DOCS_CSP, renderDocsPage } from '../openapi/page.ts';
import { openApiDocument } from '../openapi/document.ts';
import type { Endpoint, Route } from './endpoint.ts';

const TAG = '接口文档';
const VERSION = '0.1.0';

/** Takes the table lazily: the table lists these endpoints too. */
export function docsEndpoints(routes: () => readonly Route[]): { json: Endpoint; page: Endpoint } {
  let cached: { doc: Record<string, unknown>; html: string } | undefined;
  const built = () => {
    if (!cached) {
      const doc = openApiDocument(routes(), VERSION);
      cached = { doc, html: renderDocsPage(doc) };
    }
    return cached;
  };
  return {
    json: {
      summary: 'OpenAPI 3.1 文档（JSON）',
      tag: TAG,
      responses: { 200: { description: 'OpenAPI 文档', schema: { type: 'object' } } },
      async handle() {
        return { body: built().doc };
      },
    },
    page: {
      summary: '接口文档（网页）',
      tag: TAG,
      responses: { 200: { description: 'HTML', contentType: 'text/html', schema: { type: 'string' } } },
      async handle({ res }) {
        res.setHeader('Content-Security-Policy', DOCS_CSP);
        res.type('html').send(built().html);
      },
    },
  };
}
