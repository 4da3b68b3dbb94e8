// What the middleware leaves on res.locals for the later steps of a request.
import type { Logger } from 'pino';
import type { ApiKeyPrincipal } from '../auth/api-key-principal.ts';
import type { SessionUser } from '../auth/session-user.ts';

declare global {
  namespace Express {
    interface Locals {
      requestId: string;
      log: Logger;
      /** Set for a request with a valid session cookie. */
      user?: SessionUser;
      /** The session's CSRF token and the stored hash of its cookie token. */
      session?: { tokenHash: Buffer; csrfToken: string };
      /** Set for a request with a valid HMAC signature. */
      apiKey?: ApiKeyPrincipal;
    }
  }
}

export {};
