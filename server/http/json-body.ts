// JSON bodies, with the raw bytes kept for HMAC signatures (which sign what was sent, not
// what was parsed). Only application/json is parsed: a cross-site form cannot send that
// without a CORS preflight, which this server never grants; that is what protects the one
// unsafe route without a session, the login.
import type { IncomingMessage } from 'node:http';
import express, { type RequestHandler } from 'express';

const rawBodies = new WeakMap<IncomingMessage, Buffer>();

export function jsonBody(): RequestHandler {
  return express.json({
    limit: '1mb',
    strict: true,
    type: 'application/json',
    verify: (req, _res, buf) => {
      rawBodies.set(req, buf);
    },
  });
}

/** The bytes of the body as received; empty when there was none or it was not JSON. */
export const rawBody = (req: IncomingMessage): Buffer => rawBodies.get(req) ?? Buffer.alloc(0);
