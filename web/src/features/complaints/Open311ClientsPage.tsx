// The agency admin's Open311 clients: where third-party apps send reports (endpoint, jurisdiction_id), the
// clients a page at a time, adding one (its api_key shown once), revoking and re-enabling.
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { TextField } from '../../components/Field';
import { usePageTitle } from '../../components/page-title';
import { ErrorAlert, Loading } from '../../components/Status';
import { DoorList, OneTimeSecret, useDoorList } from './DoorParts';
import { type CreatedOpen311Client, doorsApi } from './doors-api';
import { useStrings } from './strings';

export function Open311ClientsPage() {
  const { s } = useStrings();
  usePageTitle(s('o311Title'));
  const door = useDoorList('complaint-open311-clients', doorsApi.open311Clients, doorsApi.setOpen311ClientActive);
  const { list, setActive, setPage, refresh } = door;

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

      <DoorList
        id="o311-list-title"
        title={s('o311List')}
        emptyText={s('o311Empty')}
        countText={(n) => s('o311Count', { n })}
        testId="open311-clients"
        door={door}
        revokeWarning={(c) => s('o311RevokeWarn', { name: c.name })}
      />
    </>
  );
}
