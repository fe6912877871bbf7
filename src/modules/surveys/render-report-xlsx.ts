// The official result table as a workbook (exceljs): the result sheet holds the same figures as the
// PDF, as text exactly as printed (so 3.5000 stays 3.5000), with the counts as numbers.
import ExcelJS from 'exceljs';
import type { Lang } from '../../core/i18n/messages';
import type { SurveyReport } from './build-report';
import { reportLabels, statusLabel } from './report-labels';

export async function renderReportXlsx(report: SurveyReport, lang: Lang): Promise<Buffer> {
  const L = reportLabels(lang);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Pamong';
  wb.title = L.title;

  const ws = wb.addWorksheet(L.sheetResult);
  ws.columns = [{ width: 8 }, { width: 44 }, { width: 14 }, { width: 12 }, { width: 16 }, { width: 12 }];
  ws.addRow([L.title]).font = { bold: true, size: 13 };
  ws.addRow([L.regulation]);
  ws.addRow([L.agency, report.scope.agency.name]);
  ws.addRow([L.unit, report.scope.unit?.name ?? L.wholeAgency]);
  if (report.scope.serviceId) ws.addRow([L.service, report.scope.serviceId]);
  ws.addRow([L.period, `${report.period.label[lang]} (${report.period.from} - ${report.period.until})`]);
  ws.addRow([L.weight, report.weight.label[lang]]);
  ws.addRow([L.responses, report.responses]);
  ws.addRow([]);
  const r = report.result;
  if (!r) {
    ws.addRow([L.noResponses]);
  } else {
    ws.addRow([L.no, L.element, L.total, L.nrr, L.weightedNrr, L.lowestMark]).font = { bold: true };
    for (const e of r.elements) {
      ws.addRow([e.key.toUpperCase(), e.name[lang], e.sum, e.nrr, e.weightedNrr, e.lowest ? L.lowest : '']);
    }
    ws.addRow(['', L.ikmRow, '', '', r.ikm]).font = { bold: true };
    ws.addRow(['', L.convertedRow, '', '', r.converted]).font = { bold: true };
    ws.addRow(['', L.mutuRow, '', '', r.mutu.grade, r.mutu.kinerja[lang]]).font = { bold: true };
    ws.addRow([L.formula(report.weight.fraction)]);
  }
  ws.addRow([]);
  ws.addRow([L.sampleTitle]).font = { bold: true };
  ws.addRow([
    L.population,
    report.sample.population ?? '-',
    report.sample.populationSource === 'entered' ? L.populationEntered : L.populationInvitations,
  ]);
  ws.addRow([L.minimumSample, report.sample.minimum ?? '-']);
  if (report.sample.sufficient === false) ws.addRow([L.sampleWarning(report.responses, report.sample.minimum!)]);

  const ps = wb.addWorksheet(L.sheetProfile);
  ps.columns = [{ width: 30 }, { width: 30 }, { width: 10 }];
  for (const p of report.profile) {
    ps.addRow([p.label[lang]]).font = { bold: true };
    for (const row of p.rows) ps.addRow(['', row.label[lang], row.count]);
    ps.addRow(['', L.notGiven, p.notGiven]);
  }

  const fs = wb.addWorksheet(L.sheetFollowUps);
  fs.columns = [{ width: 14 }, { width: 10 }, { width: 50 }, { width: 24 }, { width: 14 }, { width: 14 }];
  fs.addRow([L.period2, L.element, L.action, L.owner, L.dueDate, L.status]).font = { bold: true };
  for (const f of [...report.followUps.previous.items, ...report.followUps.current]) {
    fs.addRow([f.periodKey, f.element.toUpperCase(), f.action, f.owner, f.dueDate, statusLabel(f.status, lang)]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
