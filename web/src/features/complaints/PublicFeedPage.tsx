// The public feed: reports that are not rahasia, never with any identity, with search and pagination.
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { TextField } from '../../components/Field';
import { usePageTitle } from '../../components/page-title';
import { ErrorAlert, Loading } from '../../components/Status';
import { api, seg } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import type { Text } from '../../lib/i18n/i18n';
import { useStrings } from './strings';

interface FeedItem {
  code: string;
  title: string;
  description: string;
  statusLabel: Text;
  regionName: string | null;
  agencyName: string;
  receivedAt: string;
}

export function PublicFeedPage() {
  const { s, pick, lang } = useStrings();
  usePageTitle(s('feedTitle'));
  const [input, setInput] = useState('');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const feed = useQuery({
    queryKey: ['complaint-feed', q, page],
    queryFn: () =>
      api.get<{ items: FeedItem[]; total: number; pageSize: number }>(
        `/public/complaints?page=${page}${q ? `&q=${seg(q)}` : ''}`,
      ),
  });
  const search = (e: FormEvent) => {
    e.preventDefault();
    setQ(input.trim());
    setPage(1);
  };
  return (
    <>
      <h1>{s('feedTitle')}</h1>
      <p className="lead">{s('feedLead')}</p>
      <p>
        <Link className="button" to="/pengaduan/baru">
          {s('newReport')}
        </Link>{' '}
        <a href="/api/v1/open-data/complaints.csv">{s('openData')}</a>
      </p>
      <form className="form inline-form" onSubmit={search} aria-label={s('search')}>
        <TextField label={s('searchLabel')} value={input} onChange={(e) => setInput(e.target.value)} maxLength={100} />
        <button type="submit" className="button">
          {s('search')}
        </button>
      </form>
      {feed.isPending ? (
        <Loading />
      ) : feed.error ? (
        <ErrorAlert error={feed.error} />
      ) : feed.data.items.length === 0 ? (
        <p className="state state-empty">{s('empty')}</p>
      ) : (
        <ul className="card-list">
          {feed.data.items.map((i) => (
            <li key={i.code} className="card">
              <h2 className="h3">{i.title}</h2>
              <p className="muted">
                <span className="mono">{i.code}</span> · {pick(i.statusLabel)} · {i.regionName ?? ''} ·{' '}
                {formatDateTime(i.receivedAt, lang)}
              </p>
              <p>{i.description}</p>
            </li>
          ))}
        </ul>
      )}
      {feed.data && feed.data.total > feed.data.pageSize ? (
        <nav className="pager" aria-label="pagination">
          <button
            type="button"
            className="button button-secondary"
            disabled={page <= 1}
            onClick={() => setPage(page - 1)}
          >
            {s('prev')}
          </button>
          <button
            type="button"
            className="button button-secondary"
            disabled={page * feed.data.pageSize >= feed.data.total}
            onClick={() => setPage(page + 1)}
          >
            {s('next')}
          </button>
        </nav>
      ) : null}
    </>
  );
}
