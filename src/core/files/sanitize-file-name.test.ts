import { describe, expect, it } from 'vitest';
import { contentDisposition, sanitizeFileName } from './sanitize-file-name';

describe('sanitizeFileName', () => {
  it('keeps a plain name and gives it the extension of the real type', () => {
    expect(sanitizeFileName('Foto jalan rusak.JPG', 'jpg')).toBe('Foto jalan rusak.jpg');
    expect(sanitizeFileName('surat.pdf.exe', 'pdf')).toBe('surat.pdf.pdf');
    expect(sanitizeFileName('scan', 'png')).toBe('scan.png');
  });

  it('drops paths, control and direction-override characters, and characters Windows refuses', () => {
    expect(sanitizeFileName('../../etc/passwd', 'pdf')).toBe('passwd.pdf');
    expect(sanitizeFileName('C:\\Users\\budi\\bukti.png', 'png')).toBe('bukti.png');
    expect(sanitizeFileName('tagihan\u202Efdp.exe', 'pdf')).toBe('tagihanfdp.pdf');
    expect(sanitizeFileName('a\u0000b<c>:"d|e?*.jpg', 'jpg')).toBe('abcde.jpg');
  });

  it('names a file that has no usable name', () => {
    expect(sanitizeFileName(undefined, 'jpg')).toBe('lampiran.jpg');
    expect(sanitizeFileName('...', 'jpg')).toBe('lampiran.jpg');
    expect(sanitizeFileName('.htaccess', 'pdf')).toBe('htaccess.pdf');
  });

  it('bounds the length', () => {
    expect(sanitizeFileName(`${'a'.repeat(300)}.jpg`, 'jpg')).toBe(`${'a'.repeat(100)}.jpg`);
  });
});

describe('contentDisposition', () => {
  it('offers an ASCII fallback and the exact UTF-8 name', () => {
    expect(contentDisposition('Foto (1).jpg')).toBe(
      `attachment; filename="Foto _1_.jpg"; filename*=UTF-8''Foto%20%281%29.jpg`,
    );
    expect(contentDisposition('Bukti—ü.pdf')).toBe(
      `attachment; filename="Bukti__.pdf"; filename*=UTF-8''Bukti%E2%80%94%C3%BC.pdf`,
    );
  });
});
