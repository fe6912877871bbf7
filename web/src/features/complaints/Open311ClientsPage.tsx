// The agency admin's Open311 clients: where third-party apps send reports (endpoint, jurisdiction_id), the
// clients a page at a time, adding one (its api_key shown once), revoking and re-enabling.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { TextField } from '../../components/Field';
import { Pager } from '../../components/Pager';
import { usePageTitle } from '../../components/page-title';
import { Empty, ErrorAlert, Loading, Notice } from '../../components/Status';
import { formatDateTime } from '../../lib/format';
import { DoorStatus, OneTimeSecret, RevokeControls } from './DoorParts';
import { type CreatedOpen311Client, DOORS_PAGE_SIZE, doorsApi } from './doors-api';
import { useStrings } from './strings';

const KEY = ['complaint-open311-clients'];

export function Open311ClientsPage() {
  const { s, lang } = useStrings();
  usePageTitle(s('o311Title'));
  const qc = useQueryClient();
  const [page, setPage] = useState(1);
  const list = useQuery({ queryKey: [...KEY, page], queryFn: () => doorsApi.open311Clients(page) });
  const refresh = () => void qc.invalidateQueries({ queryKey: KEY });

  const setActive = useMutation({
    mutationFn: (v: { id: string; active: boolean }) => doorsApi.setOpen311ClientActive(v.id, v.active),
    onSuccess: refresh,
  });
  const changed = setActive.data;

  const [name, setName] = useState('');
  const [created, setCreated] = useState<CreatedOpen311Client | null>(null);
  const create = useMutation({
    mutationFn: () => doorsApi.createOpen311Client(name.trim()),
    onSuccess: (c) => {
      setCreated(c);
      setName('');
      setPage(1);
      refresh();
    },
  });
  const onCreate = (e: FormEvent) => {
    e.preventDefault();
    setCreated(null);
    setActive.reset();
    create.mutate();
  };

  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / DOORS_PAGE_SIZE)) : 1;
  const requestsUrl = list.data ? `${list.data.endpointUrl}requests.json` : '';

  return (
    <>
      <p>
        <Link to="/konsol/pengaduan">{s('back')}</Link>
      </p>
      <h1>{s('o311Title')}</h1>
      <p className="lead">{s('o311Lead')}</p>

      <section className="panel" aria-labelledby="o311-door-title">
        <h2 id="o311-door-title">{s('o311Door')}</h2>
        {list.isPending ? (
          <Loading />
        ) : list.error ? (
          <ErrorAlert error={list.error} />
        ) : (
          <>
            <dl className="facts">
              <div>
                <dt>{s('o311Endpoint')}</dt>
                <dd>
                  <code className="break" data-testid="open311-endpoint">
                    {list.data.endpointUrl}
                  </code>
                </dd>
              </div>
              <div>
                <dt>{s('o311Jurisdiction')}</dt>
                <dd>
                  <code data-testid="open311-jurisdiction">{list.data.jurisdictionId}</code>
                </dd>
              </div>
            </dl>
            <p className="break">{s('o311HowTo', { url: requestsUrl })}</p>
          </>
        )}
      </section>

      {created ? (
        <OneTimeSecret
          title={s('o311NewKey', { name: created.name })}
          value={created.apiKey}
          testId="new-api-key"
          onDone={() => setCreated(null)}
        />
      ) : null}

      <form className="form panel" onSubmit={onCreate} aria-labelledby="o311-create-title">
        <h2 id="o311-create-title">{s('o311Create')}</h2>
        <TextField
          label={s('doorName')}
          hint={s('o311CreateHint')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          minLength={2}
          maxLength={100}
          required
        />
        <ErrorAlert error={create.error} />
        <button type="submit" className="button" disabled={create.isPending}>
          {s('o311Create')}
        </button>
      </form>

      <section aria-labelledby="o311-list-title">
        <h2 id="o311-list-title">{s('o311List')}</h2>
        {changed ? (
          <Notice>{s(changed.active ? 'doorReactivatedDone' : 'doorRevokedDone', { name: changed.name })}</Notice>
        ) : null}
        {list.isPending ? (
          <Loading />
        ) : list.error ? (
          <ErrorAlert error={list.error} />
        ) : list.data.items.length === 0 ? (
          <Empty>{s('o311Empty')}</Empty>
        ) : (
          <>
            <p className="muted">{s('o311Count', { n: list.data.total })}</p>
            <ul className="cards" data-testid="open311-clients">
              {list.data.items.map((c) => {
                const mine = setActive.variables?.id === c.id;
                return (
                  <li key={c.id} className="card">
                    <h3>{c.name}</h3>
                    <p>
                      <DoorStatus active={c.active} />{' '}
                      <span className="muted">
                        {s('doorCreatedAt')}: {formatDateTime(c.createdAt, lang)}
                      </span>
                    </p>
                    <RevokeControls
                      name={c.name}
                      active={c.active}
                      warning={s('o311RevokeWarn', { name: c.name })}
                      pending={setActive.isPending && mine}
                      error={mine ? setActive.error : null}
                      onSet={(active) => setActive.mutate({ id: c.id, active })}
                    />
                  </li>
                );
              })}
            </ul>
            <Pager page={page} pages={pages} onPage={setPage} />
          </>
        )}
      </section>
    </>
  );
}
