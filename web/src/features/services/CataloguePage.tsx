// The public catalogue: every published service, searchable, per agency and unit, readable on a phone.
import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { usePageTitle } from '../../components/page-title';
import { Empty, ErrorAlert, Loading } from '../../components/Status';
import { rupiah, useCatalogue } from './services-api';
import { OnTime } from './OnTime';
import { useS } from './text';
import './services.css';

export function CataloguePage() {
  const { s, lang } = useS();
  usePageTitle(s('catalogueTitle'));
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const agency = params.get('instansi') ?? '';
  const [input, setInput] = useState(q);
  const list = useCatalogue(q, agency);
  const agencies = [...new Map((list.data?.items ?? []).map((i) => [i.agencySlug, i.agencyName])).entries()];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next = new URLSearchParams(params);
    if (input.trim()) next.set('q', input.trim());
    else next.delete('q');
    setParams(next);
  };
  return (
    <>
      <h1>{s('catalogueTitle')}</h1>
      <p className="lead">{s('catalogueLead')}</p>
      <form className="form svc-search" aria-label={s('searchForm')} onSubmit={submit}>
        <div className="field">
          <label htmlFor="svc-q">{s('search')}</label>
          <input id="svc-q" type="search" maxLength={100} value={input} onChange={(e) => setInput(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="svc-agency">{s('agency')}</label>
          <select
            id="svc-agency"
            value={agency}
            onChange={(e) => {
              const next = new URLSearchParams(params);
              if (e.target.value) next.set('instansi', e.target.value);
              else next.delete('instansi');
              setParams(next);
            }}
          >
            <option value="">{s('allAgencies')}</option>
            {agencies.map(([slug, name]) => (
              <option key={slug} value={slug}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          {s('find')}
        </button>
      </form>
      {list.isPending ? (
        <Loading />
      ) : list.error ? (
        <ErrorAlert error={list.error} />
      ) : list.data.items.length === 0 ? (
        <Empty>{s('noServices')}</Empty>
      ) : (
        <ul className="svc-list">
          {list.data.items.map((i) => (
            <li key={i.id} className="card">
              <h2>
                <Link to={`/layanan/${i.id}`}>{i.name}</Link>
              </h2>
              <p className="svc-where">
                {i.unitName} · {i.agencyName}
              </p>
              <p>{i.summary}</p>
              <dl className="facts facts-compact">
                <div>
                  <dt>{s('fee')}</dt>
                  <dd>{rupiah(i.feeRupiah, lang)}</dd>
                </div>
                <div>
                  <dt>{s('days')}</dt>
                  <dd>
                    {i.durationDays} {s('workingDays')}
                  </dd>
                </div>
                <div>
                  <dt>{s('onTime')}</dt>
                  <dd>
                    <OnTime record={i.record} />
                  </dd>
                </div>
              </dl>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
