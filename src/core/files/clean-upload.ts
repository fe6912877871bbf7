// Decides what an upload really is from its bytes (never its name or declared type) and cleans it:
// images are decoded and re-encoded, which applies their orientation and drops every piece of metadata
// (EXIF, GPS position, camera serial, XMP, thumbnails). PDFs are kept as sent.
import { fileTypeFromBuffer } from 'file-type';
import sharp from 'sharp';
import { AppError } from '../http/errors';
import { text } from '../i18n/messages';

export const ALLOWED_TYPES = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'application/pdf': 'pdf',
} as const;
export type AllowedMime = keyof typeof ALLOWED_TYPES;

/** 40 megapixels: more than any phone camera, far less than a decompression bomb. */
const MAX_PIXELS = 40_000_000;

export const unsupportedType = () =>
  new AppError(
    415,
    'UNSUPPORTED_FILE_TYPE',
    text(
      'Jenis berkas tidak diizinkan. Unggah gambar JPEG, PNG, WebP, atau dokumen PDF.',
      'This file type is not allowed. Upload a JPEG, PNG or WebP image, or a PDF document.',
    ),
  );

export async function cleanUpload(bytes: Buffer): Promise<{ bytes: Buffer; mime: AllowedMime; ext: string }> {
  const sniffed = await fileTypeFromBuffer(bytes);
  if (!sniffed || !(sniffed.mime in ALLOWED_TYPES)) throw unsupportedType();
  const mime = sniffed.mime as AllowedMime;
  const ext = ALLOWED_TYPES[mime];
  if (mime === 'application/pdf') return { bytes, mime, ext };
  try {
    const img = sharp(bytes, { limitInputPixels: MAX_PIXELS, failOn: 'error' }).rotate();
    const out =
      mime === 'image/jpeg' ? img.jpeg({ quality: 90 }) : mime === 'image/png' ? img.png() : img.webp({ quality: 90 });
    return { bytes: await out.toBuffer(), mime, ext };
  } catch {
    throw new AppError(
      422,
      'UNREADABLE_IMAGE',
      text('Gambar tidak dapat dibaca (rusak atau terlalu besar).', 'The image cannot be read (damaged or too large).'),
    );
  }
}
