// Test helpers of the services module: multipart uploads through POST /api/v1/files, a valid service
// definition, demo units. Used only by tests.
import { and, eq } from 'drizzle-orm';
import sharp from 'sharp';
import PDFDocument from 'pdfkit';
import { agencies, units } from '../../core/org/schema';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { AppContext } from '../../core/context';
import type { ServiceDefinition } from './definition';
import { STANDARD_LABELS } from './definition';

// Structural stand-ins for test/app.ts and test/auth.ts (production files may not import test code).
type TestApp = { ctx: AppContext };
type Agent = { inject(opts: InjectOptions): Promise<LightMyRequestResponse> };

export async function unitId(t: TestApp, agencySlug: string, name: string): Promise<string> {
  const [row] = await t.ctx.db
    .select({ id: units.id })
    .from(units)
    .innerJoin(agencies, eq(agencies.id, units.agencyId))
    .where(and(eq(agencies.slug, agencySlug), eq(units.name, name)))
    .limit(1);
  if (!row) throw new Error(`no unit ${agencySlug}/${name}`);
  return row.id;
}

export async function upload(
  agent: Agent,
  bytes: Buffer,
  fileName: string,
  mime: string,
): Promise<{ id: string; claimToken: string; statusCode: number }> {
  const boundary = '----pamongtest';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${mime}\r\n\r\n`,
    ),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const res = await agent.inject({
    method: 'POST',
    url: '/api/v1/files',
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload,
  });
  const body = res.json();
  return { id: body.id, claimToken: body.claimToken, statusCode: res.statusCode };
}

export async function smallPdf(textContent = 'KTP'): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A6' });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((r) => doc.on('end', () => r(Buffer.concat(chunks))));
  doc.text(textContent);
  doc.end();
  return done;
}

export const smallPng = () =>
  sharp({ create: { width: 8, height: 8, channels: 3, background: { r: 200, g: 10, b: 10 } } })
    .png()
    .toBuffer();

export function fullStandard() {
  const s = Object.fromEntries(
    Object.keys(STANDARD_LABELS).map((k) => [
      k,
      [
        'persyaratan',
        'prosedur',
        'produk',
        'pengaduan',
        'dasarHukum',
        'sarana',
        'kompetensiPelaksana',
        'pengawasanInternal',
      ].includes(k)
        ? [`${k} 1`]
        : `${k} teks`,
    ]),
  );
  return s as ServiceDefinition['standard'];
}

export function testDefinition(dpuprId: string, opts: { fee?: number } = {}): ServiceDefinition {
  return {
    standard: { ...fullStandard(), persyaratan: ['Pindaian KTP-el (PDF)'], biaya: 'Rp50.000' },
    feeRupiah: opts.fee ?? 50_000,
    durationDays: 5,
    form: [
      {
        key: 'nama_usaha',
        label: { id: 'Nama usaha', en: 'Business name' },
        type: 'text',
        required: true,
        maxLength: 100,
      },
      { key: 'nik', label: { id: 'NIK pemohon', en: 'Applicant’s NIK' }, type: 'nik', required: true },
      { key: 'wilayah', label: { id: 'Kode wilayah', en: 'Region code' }, type: 'region', required: true },
      { key: 'luas', label: { id: 'Luas (m²)', en: 'Area (m²)' }, type: 'number', required: true, min: 1, max: 1000 },
      { key: 'tanggal', label: { id: 'Tanggal pemasangan', en: 'Installation date' }, type: 'date', required: false },
      {
        key: 'jenis',
        label: { id: 'Jenis', en: 'Kind' },
        type: 'choice',
        required: true,
        options: [
          { value: 'papan', label: { id: 'Papan', en: 'Board' } },
          { value: 'baliho', label: { id: 'Baliho', en: 'Banner' } },
        ],
      },
      { key: 'nib', label: { id: 'NIB', en: 'NIB' }, type: 'nib', required: false },
      {
        key: 'ktp',
        label: { id: 'Pindaian KTP', en: 'ID card scan' },
        type: 'file',
        required: true,
        allowedTypes: ['application/pdf'],
        maxSizeKb: 100,
      },
    ],
    workflow: [
      {
        name: { id: 'Pemeriksaan kelengkapan', en: 'Completeness check' },
        role: 'operator_unit',
        unitId: dpuprId,
        days: 2,
      },
      {
        name: { id: 'Persetujuan kepala dinas', en: 'Approval by head of unit' },
        role: 'kepala_unit',
        unitId: dpuprId,
        days: 3,
      },
    ],
  };
}

export const GOOD_VALUES = {
  nama_usaha: 'Toko Maju Jaya',
  nik: '3673015501900001',
  wilayah: '36.73.01.1001',
  luas: 12,
  tanggal: '2026-03-10',
  jenis: 'papan',
  nib: '1234567890123',
};
