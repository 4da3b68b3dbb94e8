// A small HTTP server on 127.0.0.1 standing in for a service we do not run (WeCom robot,
// SMS gateway): it records each request and answers as the test says.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StubRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: any;
}

export type Responder = (req: StubRequest) => { status: number; body?: unknown };

export interface StubServer {
  url: string;
  requests: StubRequest[];
  respond: Responder;
  close(): Promise<void>;
}

export async function startStub(respond: Responder): Promise<StubServer> {
  const stub: StubServer = { url: '', requests: [], respond, close: async () => undefined };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // keep the text
      }
      const request = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body };
      stub.requests.push(request);
      const answer = stub.respond(request);
      res.writeHead(answer.status, { 'content-type': 'application/json' });
      res.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  stub.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  stub.close = () => new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
  return stub;
}
