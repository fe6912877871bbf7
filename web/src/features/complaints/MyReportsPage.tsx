// "Laporan saya": the reports a signed-in citizen filed, newest first, each linking to its tracking page.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { Pager } from '../../components/Pager';
import { usePageTitle } from '../../components/page-title';
import { Empty, ErrorAlert, Loading } from '../../components/Status';
import { formatDateTime } from '../../lib/format';
import { useSession } from '../auth/auth-api';
import { complaintsApi } from './complaints-api';
import { useStrings } from './strings';

export function MyReportsPage() {
  const { s, pick, lang } = useStrings();
  usePageTitle(s('myReports'));
  const session = useSession();
  const [page, setPage] = useState(1);
  const citizen = session.data?.state === 'signed_in' && session.data.me.user.kind === 'citizen';
  const mine = useQuery({
    queryKey: ['my-complaints', page],
    queryFn: () => complaintsApi.mine(page),
    enabled: citizen,
  });

  let body: React.ReactNode;
  if (session.isPending) body = <Loading />;
  else if (session.error) body = <ErrorAlert error={session.error} />;
  else if (session.data.state === 'signed_in' && !citizen)
    body = <p className="alert alert-info">{s('myReportsStaff')}</p>;
  else if (!citizen)
    body = (
      <>
        <p className="alert alert-info">{s('myReportsSignedOut')}</p>
        <p>
          <Link to="/lacak">{s('trackByCode')}</Link>
        </p>
      </>
    );
  else if (mine.isPending) body = <Loading />;
  else if (mine.error) body = <ErrorAlert error={mine.error} />;
  else if (mine.data.items.length === 0) body = <Empty>{s('myReportsEmpty')}</Empty>;
  else
    body = (
      <>
        <ul className="card-list" data-testid="my-reports">
          {mine.data.items.map((i) => (
            <li key={i.code} className="card">
              <h2 className="h3">
                <Link to={`/pengaduan/lacak/${i.code}`}>
                  <span className="mono">{i.code}</span> {i.title}
                </Link>
              </h2>
              <p>
                <span className="badge badge-status">{pick(i.statusLabel)}</span>
              </p>
              <p className="muted">
                {s('received')}: {formatDateTime(i.receivedAt, lang)}
                {i.closedAt ? ` · ${s('closedAt')}: ${formatDateTime(i.closedAt, lang)}` : ''}
              </p>
            </li>
          ))}
        </ul>
        <Pager page={page} pages={Math.ceil(mine.data.total / mine.data.pageSize)} onPage={setPage} />
      </>
    );

  return (
    <>
      <h1>{s('myReports')}</h1>
      <p className="lead">{s('myReportsLead')}</p>
      {body}
      <p>
        <Link className="button" to="/pengaduan/baru">
          {s('newReport')}
        </Link>
      </p>
    </>
  );
}
