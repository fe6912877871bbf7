// The verification report as readable text for the terminal (Bahasa Indonesia / English).
import { PROBLEM_LABELS } from './check-chain';
import type { VerifyReport } from './verify-ledger';

export function formatVerifyReport(r: VerifyReport): string {
  const lines = ['Pemeriksaan buku besar audit / Audit ledger verification'];
  lines.push(`  Entri / entries: ${r.entries}${r.lastSeq === null ? '' : ` (seq terakhir / last seq ${r.lastSeq})`}`);
  const cp = r.latestCheckpoint;
  lines.push(
    `  Checkpoint: ${r.checkpoints}${cp ? ` (terakhir / latest: ${cp.treeSize} entri / entries, ${cp.at}, root ${cp.rootHash})` : ''}`,
  );
  lines.push(`  Kunci / key: ${r.keyId ?? 'tidak ada berkas kunci / no key file'}`);
  if (r.ok) {
    lines.push('HASIL: UTUH, tidak ada masalah / RESULT: INTACT, no problems found');
    return lines.join('\n');
  }
  lines.push(`HASIL: ${r.problemCount} MASALAH / RESULT: ${r.problemCount} PROBLEMS`);
  for (const p of r.problems) {
    const where =
      p.seq !== undefined
        ? `seq ${p.seq}${p.count && p.count > 1 ? `..${p.seq + p.count - 1}` : ''}`
        : `checkpoint ${p.treeSize}`;
    const label = PROBLEM_LABELS[p.kind];
    lines.push(`  - ${where}: ${p.kind}: ${label.id} / ${label.en}`);
  }
  if (r.problemCount > r.problems.length) {
    lines.push(`  … dan ${r.problemCount - r.problems.length} lagi / and ${r.problemCount - r.problems.length} more`);
  }
  return lines.join('\n');
}
