// Server-side validation of an application's form values against the service's form definition. Every
// problem names its field in both languages; nothing is stored unless every field passes.
import { inArray } from 'drizzle-orm';
import type { Queryable } from '../../core/db/client';
import { badRequest } from '../../core/http/errors';
import { type Text, text } from '../../core/i18n/messages';
import { regions } from '../../core/org/schema';
import type { FieldValues } from './application-types';
import { parseNik } from './check-nik';
import type { FormField } from './definition';

export interface FieldProblem {
  field: string;
  label: Text;
  problem: string;
  message: Text;
}

const MIME_LABEL: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'image/webp': 'WebP',
};

function problem(f: Pick<FormField, 'key' | 'label'>, code: string, id: string, en: string): FieldProblem {
  return {
    field: f.key,
    label: f.label,
    problem: code,
    message: text(`Isian "${f.label.id}" ${id}.`, `Field "${f.label.en}" ${en}.`),
  };
}

/** Throws one 400 naming the first problem, with every problem in details.fields. */
export function throwFieldProblems(problems: FieldProblem[]): never {
  const first = problems[0]!;
  const more =
    problems.length > 1
      ? text(` (dan ${problems.length - 1} isian lain)`, ` (and ${problems.length - 1} more)`)
      : text('', '');
  throw badRequest('FIELD_INVALID', text(`${first.message.id}${more.id}`, `${first.message.en}${more.en}`), {
    fields: problems.map((p) => ({ field: p.field, problem: p.problem, message: p.message })),
  });
}

export const unknownField = (key: string): FieldProblem =>
  problem(
    { key, label: { id: key, en: key } },
    'unknown_field',
    'tidak ada di formulir layanan ini',
    'is not on this service’s form',
  );

/** Checks and normalises the given (non-file) values; returns them with problems collected. */
export async function checkValues(
  q: Queryable,
  form: FormField[],
  values: FieldValues,
): Promise<{ clean: FieldValues; problems: FieldProblem[] }> {
  const byKey = new Map(form.map((f) => [f.key, f]));
  const problems: FieldProblem[] = [];
  const clean: FieldValues = {};
  const regionCodes: { f: FormField; code: string; level: number | null }[] = [];
  for (const [key, raw] of Object.entries(values)) {
    const f = byKey.get(key);
    if (!f) {
      problems.push(unknownField(key));
      continue;
    }
    if (f.type === 'file') {
      problems.push(problem(f, 'file_expected', 'harus diunggah sebagai berkas', 'must be uploaded as a file'));
      continue;
    }
    if (raw === null || raw === '') {
      clean[key] = null;
      continue;
    }
    const s = typeof raw === 'string' ? raw.trim() : null;
    switch (f.type) {
      case 'text': {
        const max = f.maxLength ?? 500;
        if (s === null) problems.push(problem(f, 'not_text', 'harus berupa teks', 'must be text'));
        else if ([...s].length > max)
          problems.push(problem(f, 'too_long', `paling banyak ${max} karakter`, `must be at most ${max} characters`));
        else clean[key] = s;
        break;
      }
      case 'number': {
        const n = typeof raw === 'number' ? raw : s !== null && /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : Number.NaN;
        if (!Number.isFinite(n)) problems.push(problem(f, 'not_number', 'harus berupa angka', 'must be a number'));
        else if (f.min !== undefined && n < f.min)
          problems.push(problem(f, 'below_min', `paling kecil ${f.min}`, `must be at least ${f.min}`));
        else if (f.max !== undefined && n > f.max)
          problems.push(problem(f, 'above_max', `paling besar ${f.max}`, `must be at most ${f.max}`));
        else clean[key] = n;
        break;
      }
      case 'date': {
        if (s === null || !isRealDate(s)) {
          problems.push(problem(f, 'not_date', 'harus berupa tanggal (TTTT-BB-HH)', 'must be a date (YYYY-MM-DD)'));
        } else clean[key] = s;
        break;
      }
      case 'choice': {
        if (s === null || !(f.options ?? []).some((o) => o.value === s)) {
          problems.push(
            problem(f, 'not_option', 'harus salah satu pilihan yang tersedia', 'must be one of the options offered'),
          );
        } else clean[key] = s;
        break;
      }
      case 'region': {
        if (s === null || !/^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/.test(s)) {
          problems.push(
            problem(
              f,
              'region_shape',
              'harus berupa kode wilayah Kemendagri (mis. 36.73.01.1001)',
              'must be a Kemendagri region code (e.g. 36.73.01.1001)',
            ),
          );
        } else regionCodes.push({ f, code: s, level: null });
        break;
      }
      case 'nik': {
        const parsed = s === null ? 'shape' : parseNik(s);
        if (parsed === 'shape')
          problems.push(problem(f, 'nik_shape', 'harus berupa NIK 16 digit angka', 'must be a 16-digit NIK'));
        else if (parsed === 'birth_date')
          problems.push(
            problem(
              f,
              'nik_birth_date',
              'memuat tanggal lahir (digit 7–12, DDMMYY; perempuan tanggal + 40) yang tidak valid',
              'holds an invalid birth date (digits 7–12, DDMMYY; women: day + 40)',
            ),
          );
        else if (parsed === 'serial')
          problems.push(problem(f, 'nik_serial', 'tidak boleh diakhiri 0000', 'must not end in 0000'));
        else regionCodes.push({ f, code: parsed.kecamatanCode, level: 3 });
        if (typeof parsed === 'object') clean[key] = s;
        break;
      }
      case 'nib': {
        if (s === null || !/^\d{13}$/.test(s))
          problems.push(problem(f, 'nib_shape', 'harus berupa NIB 13 digit angka', 'must be a 13-digit NIB'));
        else clean[key] = s;
        break;
      }
    }
  }
  if (regionCodes.length > 0) {
    const rows = await q
      .select({ code: regions.code, level: regions.level })
      .from(regions)
      .where(inArray(regions.code, [...new Set(regionCodes.map((r) => r.code))]));
    const known = new Map(rows.map((r) => [r.code, r.level]));
    for (const r of regionCodes) {
      const level = known.get(r.code);
      const ok = level !== undefined && (r.level === null || level === r.level);
      if (r.f.type === 'nik') {
        if (!ok) {
          problems.push(
            problem(
              r.f,
              'nik_region',
              `diawali kode wilayah ${r.code.replace(/\./g, '')} yang bukan kecamatan terdaftar`,
              `starts with region code ${r.code.replace(/\./g, '')}, which is not a registered kecamatan`,
            ),
          );
          delete clean[r.f.key];
        }
      } else if (!ok) {
        problems.push(
          problem(
            r.f,
            'region_unknown',
            'memuat kode wilayah yang tidak terdaftar di Kemendagri',
            'holds a region code that is not in the Kemendagri list',
          ),
        );
      } else clean[r.f.key] = r.code;
    }
  }
  return { clean, problems };
}

/** Checks one uploaded file against its field: type sniffed from the bytes, and size. */
export function checkFile(f: FormField, info: { mime: string; size: number }): FieldProblem | null {
  const allowed = f.allowedTypes ?? ['application/pdf'];
  if (!(allowed as readonly string[]).includes(info.mime)) {
    const names = allowed.map((m) => MIME_LABEL[m] ?? m).join(', ');
    return problem(
      f,
      'file_type',
      `harus berkas ${names} (berkas yang dikirim ${MIME_LABEL[info.mime] ?? info.mime})`,
      `must be a ${names} file (the file sent is ${MIME_LABEL[info.mime] ?? info.mime})`,
    );
  }
  const maxKb = f.maxSizeKb ?? 5120;
  if (info.size > maxKb * 1024)
    return problem(f, 'file_size', `paling besar ${maxKb} KB`, `must be at most ${maxKb} KB`);
  return null;
}

/** Problems for required fields that have no value (checked when an application is submitted). */
export function missingRequired(form: FormField[], data: FieldValues): FieldProblem[] {
  return form
    .filter((f) => f.required && (data[f.key] === undefined || data[f.key] === null || data[f.key] === ''))
    .map((f) =>
      f.type === 'file'
        ? problem(f, 'required', 'wajib diunggah (persyaratan)', 'must be uploaded (a requirement)')
        : problem(f, 'required', 'wajib diisi', 'is required'),
    );
}

function isRealDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}
