// The official result table as a PDF (pdfkit, A4). Content streams are written uncompressed, so the
// figures are plain in the file (the document is small; tests and auditors can search it).
import PDFDocument from 'pdfkit';
import type { Lang } from '../../core/i18n/messages';
import type { SurveyReport } from './build-report';
import { MUTU_INTERVALS } from './ikm';
import { reportLabels, statusLabel } from './report-labels';

type Doc = InstanceType<typeof PDFDocument>;

function table(doc: Doc, widths: number[], rows: string[][], opts: { header?: boolean; bold?: boolean[] } = {}): void {
  const left = doc.page.margins.left;
  for (const [i, cells] of rows.entries()) {
    const isHeader = opts.header && i === 0;
    doc.font(isHeader || opts.bold?.[i] ? 'Helvetica-Bold' : 'Helvetica').fontSize(9);
    const height = Math.max(...cells.map((c, j) => doc.heightOfString(c, { width: widths[j]! - 6 }))) + 6;
    if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
    const y = doc.y;
    let x = left;
    for (const [j, cell] of cells.entries()) {
      doc.rect(x, y, widths[j]!, height).stroke('#999999');
      doc.fillColor('#000000').text(cell, x + 3, y + 3, { width: widths[j]! - 6 });
      x += widths[j]!;
    }
    doc.x = left;
    doc.y = y + height;
  }
  doc.moveDown(0.8);
}

export function renderReportPdf(report: SurveyReport, lang: Lang): Promise<Buffer> {
  const L = reportLabels(lang);
  const doc = new PDFDocument({
    size: 'A4',
    margin: 40,
    compress: false,
    info: { Title: L.title, Author: report.scope.agency.name },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.font('Helvetica-Bold').fontSize(13).text(L.title, { align: 'center' });
  doc.font('Helvetica').fontSize(10).text(L.regulation, { align: 'center' });
  doc.moveDown();
  doc.fontSize(10);
  doc.text(`${L.agency}: ${report.scope.agency.name}`);
  doc.text(`${L.unit}: ${report.scope.unit?.name ?? L.wholeAgency}`);
  if (report.scope.serviceId) doc.text(`${L.service}: ${report.scope.serviceId}`);
  doc.text(`${L.period}: ${report.period.label[lang]} (${report.period.from} - ${report.period.until})`);
  doc.text(`${L.weight}: ${report.weight.label[lang]}`);
  doc.text(`${L.responses}: ${report.responses}`);
  doc.moveDown();

  const r = report.result;
  if (!r) {
    doc.font('Helvetica-Bold').text(L.noResponses);
  } else {
    const widths = [28, 200, 70, 70, 75, 72];
    table(
      doc,
      widths,
      [
        [L.no, L.element, L.total, L.nrr, L.weightedNrr, L.lowestMark],
        ...r.elements.map((e) => [
          e.key.toUpperCase(),
          e.name[lang],
          String(e.sum),
          e.nrr,
          e.weightedNrr,
          e.lowest ? L.lowest : '',
        ]),
        ['', L.ikmRow, '', '', r.ikm, ''],
        ['', L.convertedRow, '', '', r.converted, ''],
        ['', L.mutuRow, '', '', `${r.mutu.grade} (${r.mutu.kinerja[lang]})`, ''],
      ],
      { header: true, bold: [false, ...r.elements.map(() => false), true, true, true] },
    );
    doc.font('Helvetica').fontSize(8).text(L.formula(report.weight.fraction));
    doc.moveDown(0.5);
    table(
      doc,
      [60, 110, 110, 120],
      [
        [L.mutu, L.interval, L.intervalConverted, L.kinerja],
        ...MUTU_INTERVALS.map((m) => [
          m.grade,
          `${m.intervalMin} - ${m.intervalMax}`,
          `${m.konversiMin} - ${m.konversiMax}`,
          m.kinerja[lang],
        ]),
      ],
      { header: true },
    );
  }

  doc.font('Helvetica-Bold').fontSize(11).text(L.sampleTitle);
  doc.font('Helvetica').fontSize(10);
  doc.text(
    `${L.population}: ${report.sample.population ?? '-'} (${report.sample.populationSource === 'entered' ? L.populationEntered : L.populationInvitations})`,
  );
  doc.text(`${L.minimumSample}: ${report.sample.minimum ?? '-'}`);
  doc.text(`${L.responses}: ${report.responses}`);
  if (report.sample.sufficient === false)
    doc.font('Helvetica-Bold').text(L.sampleWarning(report.responses, report.sample.minimum!));
  doc.moveDown();

  doc.font('Helvetica-Bold').fontSize(11).text(L.profileTitle);
  doc.moveDown(0.3);
  for (const p of report.profile) {
    table(
      doc,
      [200, 80],
      [
        [p.label[lang], L.count],
        ...p.rows.map((row) => [row.label[lang], String(row.count)]),
        [L.notGiven, String(p.notGiven)],
      ],
      { header: true },
    );
  }

  const followUpTable = (title: string, items: SurveyReport['followUps']['current']) => {
    doc.font('Helvetica-Bold').fontSize(11).text(title);
    doc.moveDown(0.3);
    if (items.length === 0) {
      doc.font('Helvetica').fontSize(10).text(L.none);
      doc.moveDown();
      return;
    }
    table(
      doc,
      [60, 170, 100, 70, 80],
      [
        [L.element, L.action, L.owner, L.dueDate, L.status],
        ...items.map((f) => [f.element.toUpperCase(), f.action, f.owner, f.dueDate, statusLabel(f.status, lang)]),
      ],
      { header: true },
    );
  };
  followUpTable(L.previousFollowUps(report.followUps.previous.label[lang]), report.followUps.previous.items);
  followUpTable(L.currentFollowUps, report.followUps.current);

  doc.end();
  return done;
}
