// The console inbox: the active unit's complaints and below, overdue first, with filters and CSV export.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { SelectField } from '../../components/Field';
import { usePageTitle } from '../../components/page-title';
import { ErrorAlert, Loading } from '../../components/Status';
import { api } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { useMe } from '../console/me-context';
import type { Text } from '../../lib/i18n/i18n';
import { useStrings } from './strings';

interface Item {
  id: string;
  code: string;
  title: string;
  statusLabel: Text;
  unitName: string | null;
  receivedAt: string;
  dueAt: string | null;
  overdue: boolean;
  emergency: boolean;
}
const STATUSES = [
  'diterima',
  'diverifikasi',
  'didisposisikan',
  'ditindaklanjuti',
  'selesai_ditindaklanjuti',
  'menunggu_kelengkapan',
  'ditunda',
  'ditutup',
];

export function ComplaintInboxPage() {
  const { s, pick, lang } = useStrings();
  usePageTitle(s('inboxTitle'));
  const me = useMe();
  const isAdmin = me.grants.some((g) => g.role === 'admin_instansi' || g.role === 'platform_admin');
  const [status, setStatus] = useState('');
  const [overdue, setOverdue] = useState(false);
  const [emergency, setEmergency] = useState(false);
  const params = new URLSearchParams({ pageSize: '50' });
  if (status) params.set('status', status);
  if (overdue) params.set('overdue', 'true');
  if (emergency) params.set('emergency', 'true');
  const inbox = useQuery({
    queryKey: ['complaint-inbox', params.toString()],
    queryFn: () => api.get<{ items: Item[]; total: number }>(`/console/complaints?${params}`),
  });
  return (
    <>
      <h1>{s('inboxTitle')}</h1>
      {isAdmin ? (
        <nav aria-label={s('adminLinks')}>
          <ul className="actions" style={{ listStyle: 'none', padding: 0 }}>
            <li>
              <Link to="/konsol/pengaduan/kategori">{s('catAdminLink')}</Link>
            </li>
            <li>
              <Link to="/konsol/pengaduan/impor">{s('importAdminLink')}</Link>
            </li>
            <li>
              <Link to="/konsol/pengaduan/open311">{s('doorsOpen311Link')}</Link>
            </li>
            <li>
              <Link to="/konsol/pengaduan/gateway">{s('doorsGatewayLink')}</Link>
            </li>
          </ul>
        </nav>
      ) : null}
      <div className="form inline-form">
        <SelectField label={s('filterStatus')} value={status} onChange={(e) => setStatus(e.target.value)}>
          <option value="">{s('all')}</option>
          {STATUSES.map((v) => (
            <option key={v} value={v}>
              {v.replace(/_/g, ' ')}
            </option>
          ))}
        </SelectField>
        <label className="checkbox">
          <input type="checkbox" checked={overdue} onChange={(e) => setOverdue(e.target.checked)} /> {s('overdueOnly')}
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={emergency} onChange={(e) => setEmergency(e.target.checked)} />{' '}
          {s('emergencyOnly')}
        </label>
        <a className="button button-secondary button-small" href={`/api/v1/console/complaints/export.csv?${params}`}>
          {s('exportCsv')}
        </a>
      </div>
      {inbox.isPending ? (
        <Loading />
      ) : inbox.error ? (
        <ErrorAlert error={inbox.error} />
      ) : inbox.data.items.length === 0 ? (
        <p className="state state-empty">{s('empty')}</p>
      ) : (
        <ul className="card-list">
          {inbox.data.items.map((i) => (
            <li key={i.id} className="card">
              <h2 className="h3">
                <Link to={`/konsol/pengaduan/${i.id}`}>
                  <span className="mono">{i.code}</span> {i.title}
                </Link>
              </h2>
              <p>
                <span className="badge badge-status">{pick(i.statusLabel)}</span>{' '}
                {i.overdue ? <span className="badge badge-danger">{s('overdue')}</span> : null}{' '}
                {i.emergency ? <span className="badge badge-danger">{s('emergency')}</span> : null}
              </p>
              <p className="muted">
                {s('unit')}: {i.unitName ?? '-'} · {s('received')}: {formatDateTime(i.receivedAt, lang)}
                {i.dueAt ? ` · ${s('dueAt')}: ${formatDateTime(i.dueAt, lang)}` : ''}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
