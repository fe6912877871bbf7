// Console: the queue per step and unit, overdue first, with filters and bulk approval of a step.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { usePageTitle } from '../../../components/page-title';
import { Empty, ErrorAlert, Loading, Notice } from '../../../components/Status';
import { api } from '../../../lib/api';
import { formatDateTime } from '../../../lib/format';
import type { AdminService, QueueItem } from '../services-api';
import { STATUS, useS } from '../text';
import '../services.css';

export function QueuePage() {
  const { s, lang, pick, pair } = useS();
  usePageTitle(s('queue'));
  const [params, setParams] = useSearchParams();
  const client = useQueryClient();
  const query = params.toString();
  const services = useQuery({
    queryKey: ['services', 'admin', 'list'],
    queryFn: () => api.get<AdminService[]>('/services/admin/services'),
  });
  const queue = useQuery({
    queryKey: ['services', 'queue', query],
    queryFn: () => api.get<{ total: number; items: QueueItem[] }>(`/services/admin/queue?${query}`),
  });
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const bulk = useMutation({
    mutationFn: (items: QueueItem[]) =>
      api.post<{ done: number }>('/services/admin/applications/bulk', {
        ids: items.map((i) => i.id),
        action: 'approve',
        stepIndex: items[0]!.stepIndex,
      }),
    onSuccess: () => {
      setSelected(new Set());
      void client.invalidateQueries({ queryKey: ['services'] });
    },
  });
  const set = (k: string, v: string) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    setParams(next);
  };
  const chosen = (queue.data?.items ?? []).filter((i) => selected.has(i.id));
  return (
    <>
      <h1>{s('queue')}</h1>
      <form className="form svc-search" onSubmit={(e) => e.preventDefault()} aria-label={s('filter')}>
        <div className="field">
          <label htmlFor="q-service">{s('service')}</label>
          <select
            id="q-service"
            value={params.get('serviceId') ?? ''}
            onChange={(e) => set('serviceId', e.target.value)}
          >
            <option value="">{s('allServices')}</option>
            {(services.data ?? []).map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="q-status">{s('status')}</label>
          <select id="q-status" value={params.get('status') ?? ''} onChange={(e) => set('status', e.target.value)}>
            <option value="">{s('allStatuses')}</option>
            {Object.keys(STATUS).map((k) => (
              <option key={k} value={k}>
                {pair(STATUS[k])}
              </option>
            ))}
          </select>
        </div>
        <div>
          <div className="svc-check">
            <input
              id="q-mine"
              type="checkbox"
              checked={params.get('mine') === 'true'}
              onChange={(e) => set('mine', e.target.checked ? 'true' : '')}
            />
            <label htmlFor="q-mine">{s('onlyMine')}</label>
          </div>
          <div className="svc-check">
            <input
              id="q-overdue"
              type="checkbox"
              checked={params.get('overdue') === 'true'}
              onChange={(e) => set('overdue', e.target.checked ? 'true' : '')}
            />
            <label htmlFor="q-overdue">{s('onlyOverdue')}</label>
          </div>
        </div>
      </form>
      {bulk.error ? <ErrorAlert error={bulk.error} /> : null}
      {bulk.data ? <Notice>{s('done')}</Notice> : null}
      {queue.isPending ? (
        <Loading />
      ) : queue.error ? (
        <ErrorAlert error={queue.error} />
      ) : queue.data.items.length === 0 ? (
        <Empty>{s('emptyQueue')}</Empty>
      ) : (
        <>
          <div className="svc-table-wrap">
            <table className="svc-table">
              <thead>
                <tr>
                  <th scope="col">{s('select')}</th>
                  <th scope="col">{s('trackingCode')}</th>
                  <th scope="col">{s('service')}</th>
                  <th scope="col">{s('step')}</th>
                  <th scope="col">{s('status')}</th>
                  <th scope="col">{s('deadline')}</th>
                </tr>
              </thead>
              <tbody>
                {queue.data.items.map((i) => (
                  <tr key={i.id}>
                    <td>
                      <input
                        type="checkbox"
                        aria-label={`${s('select')} ${i.trackingCode}`}
                        disabled={!i.mine}
                        checked={selected.has(i.id)}
                        onChange={(e) =>
                          setSelected((x) => {
                            const n = new Set(x);
                            if (e.target.checked) n.add(i.id);
                            else n.delete(i.id);
                            return n;
                          })
                        }
                      />
                    </td>
                    <td className="mono">
                      <Link to={`/konsol/layanan/permohonan/${i.id}`}>{i.trackingCode}</Link>
                    </td>
                    <td>{i.serviceName}</td>
                    <td>
                      {i.stepIndex + 1}/{i.stepCount} {pick(i.stepName)} — {i.stepUnitName}
                    </td>
                    <td>{pair(STATUS[i.status], i.status)}</td>
                    <td>
                      {i.deadlineAt ? formatDateTime(i.deadlineAt, lang, 'Asia/Jakarta') : '—'}
                      {i.overdue ? <span className="badge badge-failed"> {s('overdue')}</span> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <button
            type="button"
            className="button"
            disabled={chosen.length === 0 || bulk.isPending}
            onClick={() => bulk.mutate(chosen)}
          >
            {s('approveSelected')}
          </button>
        </>
      )}
    </>
  );
}
