// Console: figures per service (volume, statuses, on-time share, median working days per step).
import { useQuery } from '@tanstack/react-query';
import { usePageTitle } from '../../../components/page-title';
import { ErrorAlert, Loading } from '../../../components/Status';
import { api } from '../../../lib/api';
import type { StatRow } from '../services-api';
import { useS } from '../text';
import '../services.css';

export function StatsPage() {
  const { s, pick } = useS();
  usePageTitle(s('stats'));
  const stats = useQuery({
    queryKey: ['services', 'stats'],
    queryFn: () => api.get<StatRow[]>('/services/admin/stats'),
  });
  if (stats.isPending) return <Loading />;
  if (stats.error) return <ErrorAlert error={stats.error} />;
  return (
    <>
      <h1>{s('stats')}</h1>
      <div className="svc-table-wrap">
        <table className="svc-table" data-testid="service-stats">
          <thead>
            <tr>
              <th scope="col">{s('service')}</th>
              <th scope="col">{s('submitted')}</th>
              <th scope="col">{s('inReview')}</th>
              <th scope="col">{s('returned')}</th>
              <th scope="col">{s('awaitingPayment')}</th>
              <th scope="col">{s('completed')}</th>
              <th scope="col">{s('rejectedCount')}</th>
              <th scope="col">{s('onTimePct')}</th>
              <th scope="col">{s('median')}</th>
            </tr>
          </thead>
          <tbody>
            {stats.data.map((r) => (
              <tr key={r.serviceId}>
                <th scope="row">{r.name}</th>
                <td>{r.submitted}</td>
                <td>{r.inReview}</td>
                <td>{r.returned}</td>
                <td>{r.awaitingPayment}</td>
                <td>{r.completed}</td>
                <td>{r.rejected}</td>
                <td>{r.onTimePct === null ? '—' : `${r.onTimePct}%`}</td>
                <td>
                  {r.steps.map((st) => (
                    <div key={st.index}>
                      {pick(st.name)}: {st.medianWorkingDays ?? '—'}
                    </div>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
