import { HttpError } from 'react-admin';
import { currentSession } from '../auth/session';

export interface UploadProgress {
  /** Bytes of the file the browser has sent so far. */
  sentBytes: number;
  totalBytes: number;
}

/**
 * POSTs a file as the request body with the signed-in user's bearer token and reports how much of it has
 * gone out. fetch() cannot report upload progress, XMLHttpRequest can; the browser streams the File from
 * disk, so a file of any size never sits in memory as a string. A non-2xx answer rejects with react-admin's
 * HttpError (its body's `message`), as every other data request does, so a 401 still signs the user out.
 */
export function uploadWithProgress<Result>(
  url: string,
  file: Blob,
  options: { contentType: string; onProgress?: (progress: UploadProgress) => void; signal?: AbortSignal },
): Promise<Result> {
  return new Promise<Result>((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', url);
    request.setRequestHeader('Content-Type', options.contentType);
    request.setRequestHeader('Accept', 'application/json');
    const token = currentSession()?.token;
    if (token !== undefined) request.setRequestHeader('Authorization', `Bearer ${token}`);
    request.upload.onprogress = (event) => {
      options.onProgress?.({ sentBytes: event.loaded, totalBytes: event.lengthComputable ? event.total : file.size });
    };
    request.onload = () => {
      let body: unknown;
      try {
        body = request.responseText === '' ? null : JSON.parse(request.responseText);
      } catch {
        body = null;
      }
      if (request.status >= 200 && request.status < 300) {
        resolve(body as Result);
        return;
      }
      const message = (body as { message?: unknown } | null)?.message;
      reject(new HttpError(typeof message === 'string' && message !== '' ? message : request.statusText, request.status, body));
    };
    request.onerror = () => reject(new HttpError('ra.notification.http_error', 0, null));
    request.onabort = () => reject(new DOMException('The upload was stopped', 'AbortError'));
    options.signal?.addEventListener('abort', () => request.abort(), { once: true });
    request.send(file);
  });
}
