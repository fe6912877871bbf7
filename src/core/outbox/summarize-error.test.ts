import { describe, expect, it } from 'vitest';
import { summarizeError } from './summarize-error';

describe('summarizeError', () => {
  it('keeps the SMTP codes and masks addresses in the server reply', () => {
    const err = Object.assign(
      new Error("Can't send mail - all recipients were rejected: 550 <budi@contoh.id> unknown"),
      {
        code: 'EENVELOPE',
        responseCode: 550,
        command: 'RCPT TO',
        response: '550 5.1.1 <budi@contoh.id>: Recipient address rejected',
        rejected: ['budi@contoh.id'],
      },
    );
    expect(summarizeError(err)).toBe('EENVELOPE 550 (RCPT TO): 550 5.1.1 <[alamat]>: Recipient address rejected');
  });

  it('masks long digit runs (phone numbers, NIK) and keeps one short line', () => {
    expect(summarizeError(new Error('nomor 081234567890 tidak aktif\ndetail kedua'))).toBe(
      'Error: nomor [angka] tidak aktif',
    );
    expect(summarizeError(new TypeError('x'.repeat(500))).length).toBe(200);
    expect(summarizeError('bukan error')).toBe('Error');
  });
});
