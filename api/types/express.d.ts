import { type Actor } from '../../domain/auth/roles';

/** What our middleware adds to a request: the verified caller and the zod-parsed input. */
declare global {
  namespace Express {
    interface Request {
      /** Set by `authenticate` once the token is verified and the user is still active. */
      actor?: Actor;
      /** Set by `validate`: the parsed (coerced, defaulted) values, so handlers never parse twice. */
      validated?: { body?: unknown; query?: unknown; params?: unknown };
    }
  }
}

export {};
