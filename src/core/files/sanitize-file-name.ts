// A file name safe to store and to offer back in Content-Disposition: no path, no control or
// direction-override characters, no characters Windows refuses, bounded, with the extension of the
// type the bytes really are (a "foto.jpg.exe" that is a JPEG comes back as "foto.jpg.jpg").
// Cc: control characters; Cf: invisible format characters (bidi overrides, zero-width, BOM).
const UNSAFE = /[\p{Cc}\p{Cf}"*:<>?|\\/]/gu;
const MAX_STEM = 100;

export function sanitizeFileName(raw: string | undefined, ext: string): string {
  const base = (raw ?? '').replace(/\\/g, '/').split('/').pop() ?? '';
  let stem = base.normalize('NFC').replace(UNSAFE, '').replace(/\s+/g, ' ').trim();
  const dot = stem.lastIndexOf('.');
  if (dot > 0) stem = stem.slice(0, dot);
  stem = stem.replace(/^[.\s]+|[.\s]+$/g, '');
  stem = Array.from(stem).slice(0, MAX_STEM).join('').trim();
  return `${stem || 'lampiran'}.${ext}`;
}

/** Content-Disposition with an ASCII fallback name and the exact UTF-8 name (RFC 6266 / 8187). */
export function contentDisposition(name: string): string {
  const ascii = name.replace(/[^A-Za-z0-9._ -]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
