// One error shape for every 4xx/5xx: { error: { code, message, messages: { id, en }, details? } }.
import { type Text, text } from '../i18n/messages';

export class AppError extends Error {
  constructor(
    public readonly statusCode: number,
    public readonly code: string,
    public readonly text: Text,
    public readonly details?: unknown,
  ) {
    super(text.en);
  }
}

export const badRequest = (code: string, t: Text, details?: unknown) => new AppError(400, code, t, details);
export const unauthorized = () =>
  new AppError(401, 'UNAUTHENTICATED', text('Silakan masuk terlebih dahulu.', 'Please sign in first.'));
export const forbidden = (t: Text = text('Anda tidak berwenang melakukan ini.', 'You are not allowed to do this.')) =>
  new AppError(403, 'FORBIDDEN', t);
export const notFound = (t: Text = text('Data tidak ditemukan.', 'Not found.')) => new AppError(404, 'NOT_FOUND', t);
export const conflict = (code: string, t: Text, details?: unknown) => new AppError(409, code, t, details);

export interface ErrorBody {
  error: { code: string; message: string; messages: Text; details?: unknown };
}
