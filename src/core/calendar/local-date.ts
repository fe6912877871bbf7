// Checks a 'YYYY-MM-DD' date from a request: a real calendar date in a sensible range, else a 400.
import { addCalendarDays } from '../../lib/working-days';
import { badRequest } from '../http/errors';
import { text } from '../i18n/messages';

export function assertLocalDate(date: string, field: string): string {
  let ok = false;
  try {
    ok = addCalendarDays(date, 0) === date && date >= '2000-01-01' && date <= '2100-12-31';
  } catch {
    ok = false;
  }
  if (!ok) {
    throw badRequest(
      'INVALID_DATE',
      text('Tanggal tidak valid (YYYY-MM-DD, tahun 2000–2100).', 'Invalid date (YYYY-MM-DD, years 2000–2100).'),
      { field },
    );
  }
  return date;
}
