import { type Actor } from '../../domain/auth/roles';
import { type VerifiedToken } from '../auth/tokens';

/** What our middleware adds to a request: the verified caller and the zod-parsed input. */
declare global {
  namespace Express {
    interface Request {
      /** Set by `authenticate` once the token is verified and the user is still active. */
      actor?: Actor;
      /** Set by `authenticate` with the actor: the verified token (logout revokes it by its id). */
      accessToken?: VerifiedToken;
      /** Set by `validate`: the parsed (coerced, defaulted) values, so handlers never parse twice. */
      validated?: { body?: unknown; query?: unknown; params?: unknown };
    }
  }
}

export {};
