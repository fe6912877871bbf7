// Console: the agency's services and the publication form (standard, fee, form fields, workflow steps),
// for agency admins. Every publication creates a new version; nothing here needs code.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { usePageTitle } from '../../../components/page-title';
import { ErrorAlert, Loading, Notice } from '../../../components/Status';
import { api } from '../../../lib/api';
import { useMe } from '../../console/me-context';
import { useUnits } from '../../units/units-api';
import type { AdminService, FieldType } from '../services-api';
import { STANDARD_LABELS, useS } from '../text';
import '../services.css';

const LIST_KEYS = new Set([
  'persyaratan',
  'prosedur',
  'produk',
  'pengaduan',
  'dasarHukum',
  'sarana',
  'kompetensiPelaksana',
  'pengawasanInternal',
]);
const TYPES: [FieldType, string, string][] = [
  ['text', 'Teks', 'Text'],
  ['number', 'Angka', 'Number'],
  ['date', 'Tanggal', 'Date'],
  ['choice', 'Pilihan', 'Choice'],
  ['region', 'Kode wilayah', 'Region code'],
  ['nik', 'NIK', 'NIK'],
  ['nib', 'NIB', 'NIB'],
  ['file', 'Unggah berkas', 'File upload'],
];
let nextUid = 1;
const uid = () => nextUid++;

const ROLES: [string, string, string][] = [
  ['operator_unit', 'Operator unit', 'Unit operator'],
  ['kepala_unit', 'Kepala unit', 'Head of unit'],
  ['admin_instansi', 'Admin instansi', 'Agency admin'],
];

interface FieldRow {
  uid: number;
  key: string;
  labelId: string;
  labelEn: string;
  type: FieldType;
  required: boolean;
  options: string;
}
interface StepRow {
  uid: number;
  nameId: string;
  nameEn: string;
  role: string;
  unitId: string;
  days: number;
}

export function ServicesAdminPage() {
  const { s } = useS();
  usePageTitle(s('consoleServices'));
  const list = useQuery({
    queryKey: ['services', 'admin', 'list'],
    queryFn: () => api.get<AdminService[]>('/services/admin/services'),
  });
  const me = useMe();
  const isAdmin = me.grants.some((g) => g.role === 'admin_instansi' || g.role === 'platform_admin');
  return (
    <>
      <h1>{s('consoleServices')}</h1>
      <p className="actions">
        <Link to="/konsol/layanan/antrean">{s('queue')}</Link>
        <Link to="/konsol/layanan/statistik">{s('stats')}</Link>
      </p>
      {list.isPending ? (
        <Loading />
      ) : list.error ? (
        <ErrorAlert error={list.error} />
      ) : (
        <div className="svc-table-wrap">
          <table className="svc-table">
            <thead>
              <tr>
                <th scope="col">{s('code')}</th>
                <th scope="col">{s('name')}</th>
                <th scope="col">{s('unit')}</th>
                <th scope="col">Versi / Version</th>
              </tr>
            </thead>
            <tbody>
              {list.data.map((x) => (
                <tr key={x.id}>
                  <td className="mono">{x.code}</td>
                  <td>
                    <Link to={`/layanan/${x.id}`}>{x.name}</Link>
                  </td>
                  <td>{x.unitName}</td>
                  <td>{x.version}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {isAdmin ? <NewServiceForm /> : null}
    </>
  );
}

function NewServiceForm() {
  const { s, lang } = useS();
  const me = useMe();
  const units = useUnits(me.agency?.slug);
  const client = useQueryClient();
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [summary, setSummary] = useState('');
  const [unitId, setUnitId] = useState('');
  const [fee, setFee] = useState('0');
  const [standard, setStandard] = useState<Record<string, string>>({});
  const [fields, setFields] = useState<FieldRow[]>([
    { uid: uid(), key: '', labelId: '', labelEn: '', type: 'text', required: true, options: '' },
  ]);
  const [steps, setSteps] = useState<StepRow[]>([
    { uid: uid(), nameId: '', nameEn: '', role: 'operator_unit', unitId: '', days: 1 },
  ]);
  const publish = useMutation({
    mutationFn: () =>
      api.post<{ id: string; version: number }>('/services/admin/services', {
        unitId,
        code: code.trim().toUpperCase(),
        name: name.trim(),
        summary: summary.trim(),
        definition: {
          standard: Object.fromEntries(
            STANDARD_LABELS.map(([k]) => {
              const v = (standard[k] ?? '').trim();
              return [
                k,
                LIST_KEYS.has(k)
                  ? v
                      .split('\n')
                      .map((l) => l.trim())
                      .filter(Boolean)
                  : v,
              ];
            }),
          ),
          feeRupiah: Number(fee) || 0,
          durationDays: steps.reduce((n, st) => n + (Number(st.days) || 0), 0),
          form: fields.map((f) => ({
            key: f.key.trim(),
            label: { id: f.labelId.trim(), en: f.labelEn.trim() },
            type: f.type,
            required: f.required,
            ...(f.type === 'choice'
              ? {
                  options: f.options
                    .split(',')
                    .map((o) => o.trim())
                    .filter(Boolean)
                    .map((o) => ({ value: o.toLowerCase().replace(/\s+/g, '_'), label: { id: o, en: o } })),
                }
              : {}),
            ...(f.type === 'file' ? { allowedTypes: ['application/pdf', 'image/jpeg', 'image/png'] } : {}),
          })),
          workflow: steps.map((st) => ({
            name: { id: st.nameId.trim(), en: st.nameEn.trim() },
            role: st.role,
            unitId: st.unitId || unitId,
            days: Number(st.days) || 0,
          })),
        },
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['services'] }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    publish.mutate();
  };
  const unitOptions = (units.data ?? []).filter((u) => u.active);
  const setField = (i: number, patch: Partial<FieldRow>) =>
    setFields((fs) => fs.map((f, j) => (j === i ? { ...f, ...patch } : f)));
  const setStep = (i: number, patch: Partial<StepRow>) =>
    setSteps((xs) => xs.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  const pair = (p: [unknown, string, string]) => (lang === 'en' ? p[2] : p[1]);
  return (
    <section aria-labelledby="svc-new" className="card">
      <h2 id="svc-new">{s('newService')}</h2>
      {publish.error ? <ErrorAlert error={publish.error} /> : null}
      {publish.data ? <Notice>{s('published', { version: publish.data.version })}</Notice> : null}
      <form className="form" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="svc-code">{s('code')}</label>
          <input id="svc-code" maxLength={16} value={code} onChange={(e) => setCode(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="svc-name">{s('name')}</label>
          <input id="svc-name" maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="svc-summary">{s('summary')}</label>
          <textarea id="svc-summary" maxLength={1000} value={summary} onChange={(e) => setSummary(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="svc-unit">{s('unit')}</label>
          <select id="svc-unit" value={unitId} onChange={(e) => setUnitId(e.target.value)}>
            <option value="">—</option>
            {unitOptions.map((u) => (
              <option key={u.id} value={u.id}>
                {'\u00a0'.repeat(u.depth * 2)}
                {u.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="svc-fee">{s('feeRp')}</label>
          <input id="svc-fee" inputMode="numeric" value={fee} onChange={(e) => setFee(e.target.value)} />
        </div>
        <fieldset>
          <legend>{s('standard')}</legend>
          {STANDARD_LABELS.map(([k, id, en]) => (
            <div className="field" key={k}>
              <label htmlFor={`svc-std-${k}`}>{lang === 'en' ? en : id}</label>
              <textarea
                id={`svc-std-${k}`}
                rows={LIST_KEYS.has(k) ? 3 : 2}
                maxLength={2000}
                value={standard[k] ?? ''}
                aria-describedby={LIST_KEYS.has(k) ? 'svc-lines-hint' : undefined}
                onChange={(e) => setStandard((x) => ({ ...x, [k]: e.target.value }))}
              />
            </div>
          ))}
          <p className="field-hint" id="svc-lines-hint">
            {s('linesHint')}
          </p>
        </fieldset>
        <div className="svc-rows">
          <h3>{s('formFields')}</h3>
          {fields.map((f, i) => (
            <fieldset key={f.uid} data-testid={`field-row-${i}`}>
              <legend>
                {s('formFields')} {i + 1}
              </legend>
              <div className="field">
                <label htmlFor={`f-key-${i}`}>{s('key')}</label>
                <input
                  id={`f-key-${i}`}
                  maxLength={40}
                  value={f.key}
                  onChange={(e) => setField(i, { key: e.target.value })}
                />
              </div>
              <div className="field">
                <label htmlFor={`f-id-${i}`}>{s('labelId')}</label>
                <input
                  id={`f-id-${i}`}
                  maxLength={200}
                  value={f.labelId}
                  onChange={(e) => setField(i, { labelId: e.target.value })}
                />
              </div>
              <div className="field">
                <label htmlFor={`f-en-${i}`}>{s('labelEn')}</label>
                <input
                  id={`f-en-${i}`}
                  maxLength={200}
                  value={f.labelEn}
                  onChange={(e) => setField(i, { labelEn: e.target.value })}
                />
              </div>
              <div className="field">
                <label htmlFor={`f-type-${i}`}>{s('type')}</label>
                <select
                  id={`f-type-${i}`}
                  value={f.type}
                  onChange={(e) => setField(i, { type: e.target.value as FieldType })}
                >
                  {TYPES.map((t) => (
                    <option key={t[0]} value={t[0]}>
                      {pair(t)}
                    </option>
                  ))}
                </select>
              </div>
              {f.type === 'choice' ? (
                <div className="field">
                  <label htmlFor={`f-opt-${i}`}>{s('options')}</label>
                  <input
                    id={`f-opt-${i}`}
                    maxLength={1000}
                    value={f.options}
                    onChange={(e) => setField(i, { options: e.target.value })}
                  />
                </div>
              ) : null}
              <div className="svc-check">
                <input
                  id={`f-req-${i}`}
                  type="checkbox"
                  checked={f.required}
                  onChange={(e) => setField(i, { required: e.target.checked })}
                />
                <label htmlFor={`f-req-${i}`}>{s('isRequired')}</label>
              </div>
              <button
                type="button"
                className="button button-secondary button-small"
                onClick={() => setFields((fs) => fs.filter((_, j) => j !== i))}
              >
                {s('remove')}
              </button>
            </fieldset>
          ))}
          <button
            type="button"
            className="button button-secondary"
            onClick={() =>
              setFields((fs) => [
                ...fs,
                { uid: uid(), key: '', labelId: '', labelEn: '', type: 'text', required: true, options: '' },
              ])
            }
          >
            {s('addField')}
          </button>
        </div>
        <div className="svc-rows">
          <h3>{s('steps')}</h3>
          {steps.map((st, i) => (
            <fieldset key={st.uid} data-testid={`step-row-${i}`}>
              <legend>
                {s('step')} {i + 1}
              </legend>
              <div className="field">
                <label htmlFor={`s-id-${i}`}>{s('stepNameId')}</label>
                <input
                  id={`s-id-${i}`}
                  maxLength={200}
                  value={st.nameId}
                  onChange={(e) => setStep(i, { nameId: e.target.value })}
                />
              </div>
              <div className="field">
                <label htmlFor={`s-en-${i}`}>{s('stepNameEn')}</label>
                <input
                  id={`s-en-${i}`}
                  maxLength={200}
                  value={st.nameEn}
                  onChange={(e) => setStep(i, { nameEn: e.target.value })}
                />
              </div>
              <div className="field">
                <label htmlFor={`s-role-${i}`}>{s('role')}</label>
                <select id={`s-role-${i}`} value={st.role} onChange={(e) => setStep(i, { role: e.target.value })}>
                  {ROLES.map((r) => (
                    <option key={r[0]} value={r[0]}>
                      {pair(r)}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor={`s-unit-${i}`}>{s('unit')}</label>
                <select id={`s-unit-${i}`} value={st.unitId} onChange={(e) => setStep(i, { unitId: e.target.value })}>
                  <option value="">—</option>
                  {unitOptions.map((u) => (
                    <option key={u.id} value={u.id}>
                      {'\u00a0'.repeat(u.depth * 2)}
                      {u.name}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor={`s-days-${i}`}>{s('daysShare')}</label>
                <input
                  id={`s-days-${i}`}
                  inputMode="numeric"
                  value={String(st.days)}
                  onChange={(e) => setStep(i, { days: Number(e.target.value) || 0 })}
                />
              </div>
              <button
                type="button"
                className="button button-secondary button-small"
                onClick={() => setSteps((xs) => xs.filter((_, j) => j !== i))}
              >
                {s('remove')}
              </button>
            </fieldset>
          ))}
          <button
            type="button"
            className="button button-secondary"
            onClick={() =>
              setSteps((xs) => [
                ...xs,
                { uid: uid(), nameId: '', nameEn: '', role: 'kepala_unit', unitId: '', days: 1 },
              ])
            }
          >
            {s('addStep')}
          </button>
        </div>
        <button type="submit" className="button" disabled={publish.isPending}>
          {s('publish')}
        </button>
      </form>
    </section>
  );
}
