import { fetchUtils } from 'react-admin';
import { currentSession } from '../auth/session';

/**
 * Every data request carries the signed-in user's bearer token. Non-2xx answers reject with react-admin's
 * HttpError, whose body (`{ message, errors }`) forms use to show field errors next to the inputs.
 */
export function authenticatedHttpClient(url: string, options: fetchUtils.Options = {}) {
  const headers = new Headers(options.headers ?? { Accept: 'application/json' });
  const token = currentSession()?.token;
  if (token !== undefined) headers.set('Authorization', `Bearer ${token}`);
  return fetchUtils.fetchJson(url, { ...options, headers });
}
