// The public feed: reports that are not rahasia, never with any identity, with search and pagination, and a
// map by region (?tampilan=peta); choosing a region there filters the list (?wilayah=<region code>).
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { TextField } from '../../components/Field';
import { usePageTitle } from '../../components/page-title';
import { ErrorAlert, Loading } from '../../components/Status';
import { api, seg } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import type { Text } from '../../lib/i18n/i18n';
import { PublicRegionMap, type RegionLevel, levelOf, useRegionCounts } from './PublicRegionMap';
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
  const [params, setParams] = useSearchParams();
  const mapView = params.get('tampilan') === 'peta';
  const wilayah = params.get('wilayah') ?? '';
  const region = levelOf(wilayah) ? wilayah : '';
  const tingkat = Number(params.get('tingkat'));
  const level: RegionLevel = tingkat === 2 || tingkat === 4 ? tingkat : 3;
  // The chosen region's name, from the counts the map loaded (cached) at that region's level.
  const regionCounts = useRegionCounts(region ? levelOf(region) : null);
  const regionName = regionCounts.data?.find((r) => r.regionCode === region)?.regionName ?? region;
  const filterHeading = useRef<HTMLHeadingElement>(null);
  const [focusFilter, setFocusFilter] = useState(false);
  const feed = useQuery({
    queryKey: ['complaint-feed', q, region, page],
    queryFn: () =>
      api.get<{ items: FeedItem[]; total: number; pageSize: number }>(
        `/public/complaints?page=${page}${q ? `&q=${seg(q)}` : ''}${region ? `&regionCode=${seg(region)}` : ''}`,
      ),
    enabled: !mapView,
  });
  // After a region is chosen on the map, focus lands on the filtered list's heading.
  useEffect(() => {
    if (focusFilter && !mapView && filterHeading.current) {
      filterHeading.current.focus();
      setFocusFilter(false);
    }
  }, [focusFilter, mapView]);

  const setParam = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null) next.delete(k);
      else next.set(k, v);
    }
    setParams(next);
  };
  const chooseRegion = (code: string) => {
    setPage(1);
    setParam({ wilayah: code, tampilan: null });
    setFocusFilter(true);
  };
  const search = (e: FormEvent) => {
    e.preventDefault();
    setQ(input.trim());
    setPage(1);
    if (mapView) setParam({ tampilan: null });
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
      <fieldset className="view-switch">
        <legend className="sr-only">{s('view')}</legend>
        <button type="button" aria-pressed={!mapView} onClick={() => setParam({ tampilan: null })}>
          {s('viewList')}
        </button>
        <button type="button" aria-pressed={mapView} onClick={() => setParam({ tampilan: 'peta' })}>
          {s('viewMap')}
        </button>
      </fieldset>
      {mapView ? (
        <PublicRegionMap level={level} onLevel={(l) => setParam({ tingkat: String(l) })} onChoose={chooseRegion} />
      ) : (
        <>
          {region ? (
            <div className="region-filter">
              <h2 ref={filterHeading} tabIndex={-1}>
                {s('feedInRegion', { name: regionName })}
              </h2>
              <button
                type="button"
                className="button button-secondary button-small"
                onClick={() => {
                  setPage(1);
                  setParam({ wilayah: null });
                }}
              >
                {s('allRegions')}
              </button>
            </div>
          ) : null}
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
      )}
    </>
  );
}
