// `pamong ikm compute FILE` on the hand-worked example of report.test.ts (total 117 over 5 x 9 answers).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { registerSurveyCommands } from './cli';

const CSV = `u1;u2;u3;u4;u5;u6;u7;u8;u9;jenis_kelamin
3;3;3;3;3;3;3;3;3;L
3;3;3;3;3;3;3;3;3;P
3;2;3;2;3;3;3;3;3;Perempuan
2;2;2;2;2;2;3;3;2;
2;2;2;2;2;2;2;2;2;L
`;

async function run(args: string[], content: string) {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ikm-')), 'jawaban.csv');
  fs.writeFileSync(file, content);
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => {
    out.push(String(s));
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => {
    err.push(String(s));
    return true;
  });
  const program = new Command().exitOverride();
  registerSurveyCommands(program);
  process.exitCode = undefined;
  await program.parseAsync(['node', 'pamong', 'ikm', 'compute', file, ...args]);
  vi.restoreAllMocks();
  const code = process.exitCode;
  process.exitCode = undefined;
  return { out: out.join(''), err: err.join(''), code };
}

afterEach(() => vi.restoreAllMocks());

describe('pamong ikm compute', () => {
  it('prints the result table of a semicolon CSV', async () => {
    const r = await run([], CSV);
    expect(r.code).toBeUndefined();
    expect(r.out).toContain('IKM (jumlah NRR tertimbang): 2.6000');
    expect(r.out).toContain('Nilai IKM konversi (IKM x 25): 65.00');
    expect(r.out).toContain('Mutu pelayanan (kinerja unit): C (Kurang Baik)');
    expect(r.out).toContain('Bobot nilai tertimbang: 1/9 (bobot tepat PermenPANRB 14/2017)');
  });

  it('uses the weight asked for, and prints JSON', async () => {
    const r = await run(['--weight', '0.111', '--json'], CSV);
    const json = JSON.parse(r.out);
    expect([json.result.ikm, json.result.converted, json.result.mutu.grade]).toEqual(['2.5974', '64.94', 'D']);
    expect(json.profile[0].rows).toEqual([
      { code: 'L', label: { id: 'Laki-laki', en: 'Male' }, count: 2 },
      { code: 'P', label: { id: 'Perempuan', en: 'Female' }, count: 2 },
    ]);
  });

  it('exits 1 on a bad file, naming each row', async () => {
    const r = await run(['--lang', 'en'], 'u1,u2,u3,u4,u5,u6,u7,u8,u9\n4,4,4,4,4,4,4,4,9\n');
    expect(r.code).toBe(1);
    expect(r.err).toBe('Row 2: the answer to element u9 "9" must be 1, 2, 3 or 4.\n');
  });
});
