// The one way the web app talks to the API: JSON over fetch with the session cookie, the CSRF header on
// every state-changing request, and the API's error shape turned into an ApiError with both languages.
import type { Text } from './i18n/i18n';

export const API_BASE = '/api/v1';

export class ApiError extends Error {
  constructor(
    public readonly status: number,
    public readonly code: string,
    /** Bahasa Indonesia and English, as the server wrote them; null when the answer was not the API's shape. */
    public readonly messages: Text | null,
    public readonly details?: unknown,
  ) {
    super(messages?.en ?? code);
  }
}

let csrfToken: string | null = null;

/** Remembers the CSRF token of the current session (from /auth/me or the login answer). */
export function setCsrfToken(token: string | null | undefined): void {
  csrfToken = token ?? null;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export async function apiRequest<T>(
  method: Method,
  path: string,
  body?: unknown,
  extraHeaders?: Record<string, string>,
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...extraHeaders };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(`${API_BASE}${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'NETWORK', null);
  }
  const data: unknown = res.status === 204 ? undefined : await res.json().catch(() => undefined);
  if (!res.ok) throw toApiError(res.status, data);
  return data as T;
}

function toApiError(status: number, data: unknown): ApiError {
  const err = (data as { error?: { code?: unknown; message?: unknown; messages?: unknown; details?: unknown } })?.error;
  if (!err || typeof err !== 'object') return new ApiError(status, `HTTP_${status}`, null);
  const m = err.messages as Partial<Text> | undefined;
  const fallback = typeof err.message === 'string' ? err.message : '';
  const messages =
    m && typeof m.id === 'string' && typeof m.en === 'string'
      ? { id: m.id, en: m.en }
      : fallback
        ? { id: fallback, en: fallback }
        : null;
  return new ApiError(status, typeof err.code === 'string' ? err.code : `HTTP_${status}`, messages, err.details);
}

/** Sends one file as multipart/form-data (field `file`), with the session's CSRF header like every other call. */
export async function apiUpload<T>(path: string, file: File): Promise<T> {
  const form = new FormData();
  form.append('file', file);
  const headers: Record<string, string> = { accept: 'application/json' };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(`${API_BASE}${path}`, { method: 'POST', headers, credentials: 'same-origin', body: form });
  } catch {
    throw new ApiError(0, 'NETWORK', null);
  }
  const data: unknown = await res.json().catch(() => undefined);
  if (!res.ok) throw toApiError(res.status, data);
  return data as T;
}

/**
 * Posts a multipart form (several files) with the session's CSRF header, reporting how much of it has been
 * sent (0..1) so a page can show upload progress; the answer comes once the server has done its work.
 */
export function apiPostForm<T>(path: string, form: FormData, onProgress?: (sent: number) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${API_BASE}${path}`);
    xhr.setRequestHeader('accept', 'application/json');
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    if (onProgress) {
      xhr.upload.onprogress = (e) => {
        if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
      };
      xhr.upload.onload = () => onProgress(1);
    }
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', null));
    xhr.onload = () => {
      let data: unknown;
      try {
        data = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        data = undefined;
      }
      if (xhr.status < 200 || xhr.status >= 300) reject(toApiError(xhr.status, data));
      else resolve(data as T);
    };
    xhr.send(form);
  });
}

export const api = {
  get: <T>(path: string, headers?: Record<string, string>) => apiRequest<T>('GET', path, undefined, headers),
  post: <T>(path: string, body?: unknown) => apiRequest<T>('POST', path, body ?? {}),
  patch: <T>(path: string, body: unknown) => apiRequest<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => apiRequest<T>('PUT', path, body),
  delete: <T>(path: string) => apiRequest<T>('DELETE', path),
};

/** Encodes one path segment (codes and slugs typed by people). */
export const seg = (s: string) => encodeURIComponent(s);
