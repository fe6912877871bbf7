// The PDF of an issued document (pdfkit), with a QR code to the public verification page, and the reading
// of a PDF's embedded content back. The canonical content (base64url of its canonical JSON) and its Ed25519
// signature travel in the PDF's document information dictionary, so the verification page can say which
// document a file claims to be and whether that claim was signed by Pamong.
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';

export interface DocumentContent {
  documentId: string;
  number: string;
  holderName: string;
  serviceName: string;
  serviceVersion: number;
  agencyName: string;
  unitName: string;
  fields: { label: string; value: string }[];
  official: { name: string; position: string };
  /** Local date of issue, YYYY-MM-DD. */
  issuedOn: string;
  issuedAt: string;
}

export interface EmbeddedDocument {
  contentB64: string;
  signatureB64: string;
  keyId: string;
}

const B64URL = /^[A-Za-z0-9_-]{1,200000}$/;

const ID_MONTHS = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
];
const longDate = (ymd: string) => {
  const [y, m, d] = ymd.split('-').map(Number);
  return `${d} ${ID_MONTHS[m! - 1]} ${y}`;
};

export async function renderDocumentPdf(
  content: DocumentContent,
  embedded: EmbeddedDocument,
  verifyUrl: string,
): Promise<Buffer> {
  const qr = await QRCode.toBuffer(verifyUrl, { type: 'png', margin: 1, width: 220, errorCorrectionLevel: 'M' });
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    info: {
      Title: `${content.serviceName} ${content.number}`,
      Author: content.agencyName,
      Subject: content.serviceName,
      CreationDate: new Date(content.issuedAt),
      PamongContent: embedded.contentB64,
      PamongSignature: embedded.signatureB64,
      PamongKeyId: embedded.keyId,
    } as PDFKit.DocumentInfo,
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.font('Helvetica-Bold').fontSize(13).text(content.agencyName.toUpperCase(), { align: 'center' });
  doc.font('Helvetica').fontSize(11).text(content.unitName, { align: 'center' });
  doc.moveDown(0.5).moveTo(56, doc.y).lineTo(539, doc.y).stroke().moveDown(1);
  doc.font('Helvetica-Bold').fontSize(14).text(content.serviceName.toUpperCase(), { align: 'center' });
  doc.font('Helvetica').fontSize(11).text(`Nomor: ${content.number}`, { align: 'center' }).moveDown(1.5);

  const row = (label: string, value: string) => {
    const y = doc.y;
    doc.font('Helvetica').fontSize(11).text(label, 56, y, { width: 170 });
    const labelBottom = doc.y;
    doc.text(`: ${value}`, 230, y, { width: 309 });
    doc.y = Math.max(labelBottom, doc.y) + 2;
    doc.x = 56;
  };
  row('Diberikan kepada', content.holderName);
  for (const f of content.fields) row(f.label, f.value);
  doc.moveDown(1.5);
  doc.text(`Dokumen ini diterbitkan secara elektronik pada ${longDate(content.issuedOn)}.`, 56);
  doc.moveDown(2);
  const sigY = doc.y;
  doc.image(qr, 56, sigY, { width: 110 });
  doc.fontSize(8).text('Pindai untuk memverifikasi / Scan to verify', 56, sigY + 114, { width: 150 });
  doc.fontSize(8).text(verifyUrl, 56, sigY + 126, { width: 200 });
  doc.fontSize(11).text(`Ditetapkan tanggal ${longDate(content.issuedOn)}`, 330, sigY, { width: 209 });
  doc.text(content.official.position, 330, doc.y, { width: 209 });
  doc.moveDown(2);
  doc.font('Helvetica-Bold').text(content.official.name, 330, doc.y, { width: 209 });
  doc.end();
  return done;
}

/** The embedded content and signature of a PDF made by renderDocumentPdf, or null if it carries none. */
export function readEmbeddedDocument(pdf: Buffer): EmbeddedDocument | null {
  const s = pdf.toString('latin1');
  const value = (key: string): string | null => {
    const ref = new RegExp(`/${key} (\\d+) 0 R`).exec(s);
    if (!ref) return null;
    const obj = new RegExp(`(?:^|\\n)${ref[1]} 0 obj\\n\\(([^)]*)\\)\\nendobj`).exec(s);
    return obj && B64URL.test(obj[1]!) ? obj[1]! : null;
  };
  const contentB64 = value('PamongContent');
  const signatureB64 = value('PamongSignature');
  const keyId = value('PamongKeyId');
  if (!contentB64 || !signatureB64 || !keyId) return null;
  return { contentB64, signatureB64, keyId };
}
