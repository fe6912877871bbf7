// One field of a service's application form, by type, with its server-side error shown beside it.
import { useId } from 'react';
import type { FormField } from './services-api';
import { useS } from './text';

const MIME: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'image/webp': 'WebP',
};

export function FormFieldInput({
  field,
  value,
  error,
  onValue,
  onFile,
}: {
  field: FormField;
  value: string;
  error?: string;
  onValue(v: string): void;
  onFile(f: File | null): void;
}) {
  const { s, pick } = useS();
  const id = useId();
  const hintId = `${id}-hint`;
  const errId = `${id}-error`;
  const label = `${pick(field.label)} (${field.required ? s('required') : s('optional')})`;
  const hint =
    field.type === 'file'
      ? s('fileTypes', {
          types: (field.allowedTypes ?? ['application/pdf']).map((m) => MIME[m] ?? m).join(', '),
          kb: field.maxSizeKb ?? 5120,
        })
      : field.type === 'nik'
        ? '16 digit'
        : field.type === 'nib'
          ? '13 digit'
          : field.type === 'region'
            ? '36.73.01.1001'
            : field.help
              ? pick(field.help)
              : '';
  const describedBy = [hint ? hintId : '', error ? errId : ''].filter(Boolean).join(' ') || undefined;
  const common = { id, name: field.key, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {field.type === 'choice' ? (
        <select {...common} value={value} onChange={(e) => onValue(e.target.value)}>
          <option value="">—</option>
          {(field.options ?? []).map((o) => (
            <option key={o.value} value={o.value}>
              {pick(o.label)}
            </option>
          ))}
        </select>
      ) : field.type === 'file' ? (
        <input
          {...common}
          type="file"
          accept={(field.allowedTypes ?? ['application/pdf']).join(',')}
          onChange={(e) => onFile(e.target.files?.[0] ?? null)}
        />
      ) : (
        <input
          {...common}
          type={field.type === 'date' ? 'date' : 'text'}
          inputMode={field.type === 'number' || field.type === 'nik' || field.type === 'nib' ? 'numeric' : undefined}
          maxLength={
            field.type === 'text'
              ? (field.maxLength ?? 500)
              : field.type === 'nik'
                ? 16
                : field.type === 'nib'
                  ? 13
                  : undefined
          }
          value={value}
          onChange={(e) => onValue(e.target.value)}
        />
      )}
      {hint ? (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={errId}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** Turns the API's FIELD_INVALID details into per-field messages in the current language. */
export function fieldErrors(details: unknown, lang: 'id' | 'en'): Record<string, string> {
  const list =
    (details as { fields?: { field: string; message: { id: string; en: string } }[] } | undefined)?.fields ?? [];
  return Object.fromEntries(list.map((f) => [f.field, f.message[lang]]));
}

/** Form values as the API takes them: numbers for number fields, null for empty. */
export function toValues(form: FormField[], raw: Record<string, string>, only?: Set<string>) {
  const out: Record<string, string | number | null> = {};
  for (const f of form) {
    if (f.type === 'file' || (only && !only.has(f.key)) || raw[f.key] === undefined) continue;
    const v = raw[f.key]!.trim();
    out[f.key] = v === '' ? null : f.type === 'number' && /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v;
  }
  return out;
}
