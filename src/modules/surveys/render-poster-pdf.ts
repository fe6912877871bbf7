// A poster to print for a unit's counter: the unit's name and a QR code of its survey link.
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';

export async function renderPosterPdf(input: { agencyName: string; unitName: string; url: string }): Promise<Buffer> {
  const qr = await QRCode.toBuffer(input.url, { type: 'png', errorCorrectionLevel: 'M', margin: 2, width: 600 });
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    compress: false,
    info: { Title: `Survei Kepuasan Masyarakat - ${input.unitName}` },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - 100;
  doc.font('Helvetica-Bold').fontSize(26).text('SURVEI KEPUASAN MASYARAKAT', { align: 'center', width });
  doc.font('Helvetica').fontSize(14).text('Community Satisfaction Survey', { align: 'center', width });
  doc.moveDown();
  doc.font('Helvetica-Bold').fontSize(18).text(input.unitName, { align: 'center', width });
  doc.font('Helvetica').fontSize(12).text(input.agencyName, { align: 'center', width });
  doc.moveDown();
  const size = 300;
  doc.image(qr, (doc.page.width - size) / 2, doc.y, { width: size, height: size });
  doc.y += size + 20;
  doc
    .font('Helvetica')
    .fontSize(14)
    .text('Pindai kode QR ini dan nilai pelayanan kami. Tanpa nama, dua menit.', { align: 'center', width });
  doc.fontSize(11).text('Scan this QR code and rate our service. Anonymous, two minutes.', { align: 'center', width });
  doc.moveDown();
  doc.fontSize(10).text(input.url, { align: 'center', width });
  doc.end();
  return done;
}
