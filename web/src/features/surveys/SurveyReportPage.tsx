// Staff: the IKM report of the active unit (or, for leadership, the whole agency) for a period, with
// downloads (PDF, XLSX), the trend, publishing, follow-up plans, kiosks and the QR poster.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { TextField } from '../../components/Field';
import { usePageTitle } from '../../components/page-title';
import { ErrorAlert, Loading, Notice } from '../../components/Status';
import { API_BASE } from '../../lib/api';
import { useMe } from '../console/me-context';
import { ResultSummary } from './ResultTable';
import { type FollowUp, surveysApi } from './surveys-api';
import { useStrings } from './strings';
import './surveys.css';

const MANAGE = ['admin_instansi', 'kepala_unit', 'operator_unit'];

function currentMonth(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

export function SurveyReportPage() {
  const { s, pick } = useStrings();
  usePageTitle(s('reportTitle'));
  const me = useMe();
  const qc = useQueryClient();
  const unitId = me.activeUnitId;
  const canManage = unitId !== null && me.grants.some((g) => MANAGE.includes(g.role));
  const [input, setInput] = useState(currentMonth());
  const [period, setPeriod] = useState(currentMonth());
  const query = `period=${encodeURIComponent(period)}${unitId ? `&unitId=${unitId}` : ''}`;
  const report = useQuery({
    queryKey: ['survey-report', query],
    queryFn: () => surveysApi.report(query),
    retry: false,
  });
  const trend = useQuery({ queryKey: ['survey-trend', query], queryFn: () => surveysApi.trend(query), retry: false });
  const publish = useMutation({ mutationFn: () => surveysApi.publish(unitId!, period) });
  const kiosks = useQuery({
    queryKey: ['survey-kiosks', unitId],
    queryFn: () => surveysApi.kiosks(unitId!),
    enabled: canManage,
  });
  const [kioskName, setKioskName] = useState('');
  const addKiosk = useMutation({
    mutationFn: () => surveysApi.addKiosk(unitId!, kioskName),
    onSuccess: () => {
      setKioskName('');
      void qc.invalidateQueries({ queryKey: ['survey-kiosks', unitId] });
    },
  });
  const [plan, setPlan] = useState({ element: 'u1', action: '', owner: '', dueDate: '' });
  const addPlan = useMutation({
    mutationFn: () => surveysApi.addFollowUp(unitId!, { ...plan, periodKey: period }),
    onSuccess: () => {
      setPlan({ element: 'u1', action: '', owner: '', dueDate: '' });
      void qc.invalidateQueries({ queryKey: ['survey-report', query] });
    },
  });
  const setStatus = useMutation({
    mutationFn: (v: { id: string; status: FollowUp['status'] }) => surveysApi.setFollowUpStatus(v.id, v.status),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['survey-report', query] }),
  });

  const show = (e: FormEvent) => {
    e.preventDefault();
    setPeriod(input.trim());
  };
  const download = (kind: 'pdf' | 'xlsx') => `${API_BASE}/surveys/reports/${kind}?${query}`;

  const followUpTable = (items: FollowUp[], editable: boolean) =>
    items.length === 0 ? (
      <p className="muted">{s('none')}</p>
    ) : (
      <table className="skm-table">
        <thead>
          <tr>
            <th scope="col">{s('element')}</th>
            <th scope="col">{s('action')}</th>
            <th scope="col">{s('owner')}</th>
            <th scope="col">{s('dueDate')}</th>
            <th scope="col">{s('status')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((f) => (
            <tr key={f.id}>
              <td>{f.element.toUpperCase()}</td>
              <td>{f.action}</td>
              <td>{f.owner}</td>
              <td>{f.dueDate}</td>
              <td>
                {editable && canManage ? (
                  <select
                    aria-label={`${s('status')} ${f.element.toUpperCase()}`}
                    value={f.status}
                    onChange={(e) => setStatus.mutate({ id: f.id, status: e.target.value as FollowUp['status'] })}
                  >
                    <option value="direncanakan">{s('s_direncanakan')}</option>
                    <option value="berjalan">{s('s_berjalan')}</option>
                    <option value="selesai">{s('s_selesai')}</option>
                  </select>
                ) : (
                  s(`s_${f.status}`)
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    );

  return (
    <>
      <h1>{s('reportTitle')}</h1>
      {!unitId ? <p className="muted">{s('chooseUnit')}</p> : null}
      <form className="form inline-form" onSubmit={show}>
        <TextField
          label={s('period')}
          hint={s('periodHint')}
          value={input}
          onChange={(e) => setInput(e.target.value)}
          maxLength={7}
        />
        <button type="submit" className="button">
          {s('show')}
        </button>
      </form>
      {report.isPending ? (
        <Loading />
      ) : report.error ? (
        <ErrorAlert error={report.error} />
      ) : (
        <>
          <p className="lead">
            {report.data.scope.unit?.name ?? s('wholeAgency')} · {report.data.scope.agency.name}
          </p>
          <p>
            <a className="button button-secondary" href={download('pdf')}>
              {s('downloadPdf')}
            </a>{' '}
            <a className="button button-secondary" href={download('xlsx')}>
              {s('downloadXlsx')}
            </a>{' '}
            {unitId ? (
              <>
                <a className="button button-secondary" href={`${API_BASE}/surveys/units/${unitId}/poster.pdf`}>
                  {s('poster')}
                </a>{' '}
                <a href={`/survei/hasil/${unitId}`}>{s('publicPage')}</a>
              </>
            ) : null}
          </p>
          <ResultSummary view={report.data} />
          {canManage && report.data.result ? (
            <p>
              <button type="button" className="button" onClick={() => publish.mutate()} disabled={publish.isPending}>
                {s('publish')}
              </button>
            </p>
          ) : null}
          {publish.isSuccess ? <Notice>{s('published')}</Notice> : null}
          <ErrorAlert error={publish.error} />

          {trend.data ? (
            <>
              <h2>{s('trend')}</h2>
              <table className="skm-table">
                <thead>
                  <tr>
                    <th scope="col">{s('period')}</th>
                    <th scope="col">{s('responses')}</th>
                    <th scope="col">{s('converted')}</th>
                    <th scope="col">{s('mutu')}</th>
                  </tr>
                </thead>
                <tbody>
                  {trend.data.points.map((p) => (
                    <tr key={p.periodKey}>
                      <th scope="row">{pick(p.label)}</th>
                      <td className="num">{p.responses}</td>
                      <td className="num">{p.converted ?? '-'}</td>
                      <td>{p.mutu ?? '-'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          ) : null}

          <h2>{s('followUpsPrev', { label: pick(report.data.followUps.previous.label) })}</h2>
          {followUpTable(report.data.followUps.previous.items, true)}
          <h2>{s('followUpsNow')}</h2>
          {followUpTable(report.data.followUps.current, true)}
          {canManage ? (
            <form
              className="form"
              onSubmit={(e) => {
                e.preventDefault();
                addPlan.mutate();
              }}
            >
              <h3>{s('followUpAdd')}</h3>
              <div className="field">
                <label htmlFor="skm-plan-element">{s('element')}</label>
                <select
                  id="skm-plan-element"
                  value={plan.element}
                  onChange={(e) => setPlan({ ...plan, element: e.target.value })}
                >
                  {(report.data.result?.elements ?? []).map((el) => (
                    <option key={el.key} value={el.key}>
                      {el.key.toUpperCase()} {pick(el.name)}
                    </option>
                  ))}
                  <option value="lainnya">Lainnya / Other</option>
                </select>
              </div>
              <TextField
                label={s('action')}
                value={plan.action}
                onChange={(e) => setPlan({ ...plan, action: e.target.value })}
                maxLength={1000}
                required
              />
              <TextField
                label={s('owner')}
                value={plan.owner}
                onChange={(e) => setPlan({ ...plan, owner: e.target.value })}
                maxLength={200}
                required
              />
              <TextField
                label={s('dueDate')}
                type="date"
                value={plan.dueDate}
                onChange={(e) => setPlan({ ...plan, dueDate: e.target.value })}
                required
              />
              <ErrorAlert error={addPlan.error} />
              <button type="submit" className="button" disabled={addPlan.isPending}>
                {s('add')}
              </button>
            </form>
          ) : null}

          {report.data.questions.length > 0 ? (
            <>
              <h2>{s('questions')}</h2>
              <table className="skm-table">
                <thead>
                  <tr>
                    <th scope="col">{s('questions')}</th>
                    <th scope="col">{s('answers')}</th>
                    <th scope="col">{s('average')}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.data.questions.map((q) => (
                    <tr key={q.id}>
                      <th scope="row">{pick(q.text)}</th>
                      <td className="num">{q.answers}</td>
                      <td className="num">{q.average ?? '-'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          ) : null}
          {report.data.suggestions.length > 0 ? (
            <>
              <h2>{s('suggestions')}</h2>
              <ul>
                {report.data.suggestions.map((x, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: suggestions carry no id on purpose (anonymity); the list is static
                  <li key={i}>{x}</li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      )}

      {canManage ? (
        <section>
          <h2>{s('kiosks')}</h2>
          {kiosks.data ? (
            <ul>
              {kiosks.data.map((k) => (
                <li key={k.id}>
                  {k.name} — <a href={k.url}>{k.url}</a> {k.active ? '' : '(nonaktif / inactive)'}
                </li>
              ))}
            </ul>
          ) : null}
          <form
            className="form inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              addKiosk.mutate();
            }}
          >
            <TextField
              label={s('kioskName')}
              value={kioskName}
              onChange={(e) => setKioskName(e.target.value)}
              minLength={2}
              maxLength={100}
              required
            />
            <button type="submit" className="button" disabled={addKiosk.isPending}>
              {s('addKiosk')}
            </button>
          </form>
          <ErrorAlert error={addKiosk.error} />
        </section>
      ) : null}
    </>
  );
}
