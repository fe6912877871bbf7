// The agency admin's SMS/WhatsApp gateways: how a gateway signs what it sends (headers, what the HMAC
// covers), the gateways a page at a time with their webhook URLs, adding one (its secret shown once),
// revoking and re-enabling.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { SelectField, TextField } from '../../components/Field';
import { Pager } from '../../components/Pager';
import { usePageTitle } from '../../components/page-title';
import { Empty, ErrorAlert, Loading, Notice } from '../../components/Status';
import { formatDateTime } from '../../lib/format';
import { DoorStatus, OneTimeSecret, RevokeControls } from './DoorParts';
import { type Channel, type CreatedGateway, DOORS_PAGE_SIZE, doorsApi } from './doors-api';
import { useStrings } from './strings';

const KEY = ['complaint-gateways'];
const CHANNELS: Channel[] = ['sms', 'whatsapp'];

/** A shell example of one signed message (what is signed: "<timestamp>.<raw body>"). */
const example = (url: string) => `URL='${url}'
SECRET='…'
TS=$(date +%s)
BODY='{"messageId":"sms-0001","from":"+6281234567890","text":"Lampu jalan mati di depan pasar"}'
SIG=$(printf '%s.%s' "$TS" "$BODY" | openssl dgst -sha256 -hmac "$SECRET" -hex | sed 's/^.* //')
curl -X POST "$URL" \\
  -H 'Content-Type: application/json' \\
  -H "X-Pamong-Timestamp: $TS" \\
  -H "X-Pamong-Signature: $SIG" \\
  --data "$BODY"`;

export function GatewaysPage() {
  const { s, lang } = useStrings();
  usePageTitle(s('gwTitle'));
  const qc = useQueryClient();
  const [page, setPage] = useState(1);
  const list = useQuery({ queryKey: [...KEY, page], queryFn: () => doorsApi.gateways(page) });
  const refresh = () => void qc.invalidateQueries({ queryKey: KEY });

  const setActive = useMutation({
    mutationFn: (v: { id: string; active: boolean }) => doorsApi.setGatewayActive(v.id, v.active),
    onSuccess: refresh,
  });
  const changed = setActive.data;

  const blank = { name: '', channel: 'sms' as Channel, regionQuery: '', regionCode: '' };
  const [form, setForm] = useState(blank);
  const regions = useQuery({
    queryKey: ['regions', form.regionQuery.trim()],
    queryFn: () => doorsApi.searchDesa(form.regionQuery.trim()),
    enabled: form.regionQuery.trim().length >= 3,
  });
  const [created, setCreated] = useState<CreatedGateway | null>(null);
  const create = useMutation({
    mutationFn: () =>
      doorsApi.createGateway({ name: form.name.trim(), channel: form.channel, defaultRegionCode: form.regionCode }),
    onSuccess: (g) => {
      setCreated(g);
      setForm(blank);
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
  const sampleUrl =
    created?.webhookUrl ??
    list.data?.items[0]?.webhookUrl ??
    `${window.location.origin}/api/v1/complaints/inbound/<gateway-id>`;

  return (
    <>
      <p>
        <Link to="/konsol/pengaduan">{s('back')}</Link>
      </p>
      <h1>{s('gwTitle')}</h1>
      <p className="lead">{s('gwLead')}</p>

      {created ? (
        <OneTimeSecret
          title={s('gwNewSecret', { name: created.name })}
          value={created.secret}
          testId="new-gateway-secret"
          onDone={() => setCreated(null)}
        >
          <p>
            {s('gwWebhook')}:{' '}
            <code className="break" data-testid="new-gateway-webhook">
              {created.webhookUrl}
            </code>
          </p>
        </OneTimeSecret>
      ) : null}

      <section className="panel" aria-labelledby="gw-how-title">
        <h2 id="gw-how-title">{s('gwHow')}</h2>
        <ol className="steps">
          <li>{s('gwHowPost')}</li>
          <li>{s('gwHowTimestamp')}</li>
          <li>{s('gwHowSignature')}</li>
          <li>{s('gwHowRetry')}</li>
        </ol>
        <h3>{s('gwExample')}</h3>
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable code block must be reachable by keyboard */}
        <pre tabIndex={0} style={{ overflowX: 'auto', maxWidth: '100%' }}>
          <code>{example(sampleUrl)}</code>
        </pre>
      </section>

      <form className="form panel" onSubmit={onCreate} aria-labelledby="gw-create-title">
        <h2 id="gw-create-title">{s('gwCreate')}</h2>
        <TextField
          label={s('doorName')}
          value={form.name}
          onChange={(e) => setForm({ ...form, name: e.target.value })}
          minLength={2}
          maxLength={100}
          required
        />
        <SelectField
          label={s('gwChannel')}
          value={form.channel}
          onChange={(e) => setForm({ ...form, channel: e.target.value as Channel })}
        >
          {CHANNELS.map((c) => (
            <option key={c} value={c}>
              {s(`gwChannel_${c}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={s('regionSearch')}
          hint={s('regionSearchHint')}
          value={form.regionQuery}
          onChange={(e) => setForm({ ...form, regionQuery: e.target.value })}
          maxLength={100}
          autoComplete="off"
        />
        <SelectField
          label={s('gwRegion')}
          hint={s('gwRegionHint')}
          value={form.regionCode}
          onChange={(e) => setForm({ ...form, regionCode: e.target.value })}
          required
        >
          <option value="">{s('chooseRegion')}</option>
          {(regions.data?.items ?? []).map((r) => (
            <option key={r.code} value={r.code}>
              {r.name} —{' '}
              {r.ancestors
                .slice(1)
                .map((a) => a.name)
                .join(', ')}
            </option>
          ))}
        </SelectField>
        <ErrorAlert error={regions.error} />
        <ErrorAlert error={create.error} />
        <button type="submit" className="button" disabled={create.isPending}>
          {s('gwCreate')}
        </button>
      </form>

      <section aria-labelledby="gw-list-title">
        <h2 id="gw-list-title">{s('gwList')}</h2>
        {changed ? (
          <Notice>{s(changed.active ? 'doorReactivatedDone' : 'doorRevokedDone', { name: changed.name })}</Notice>
        ) : null}
        {list.isPending ? (
          <Loading />
        ) : list.error ? (
          <ErrorAlert error={list.error} />
        ) : list.data.items.length === 0 ? (
          <Empty>{s('gwEmpty')}</Empty>
        ) : (
          <>
            <p className="muted">{s('gwCount', { n: list.data.total })}</p>
            <ul className="cards" data-testid="gateways">
              {list.data.items.map((g) => {
                const mine = setActive.variables?.id === g.id;
                return (
                  <li key={g.id} className="card">
                    <h3>{g.name}</h3>
                    <p>
                      <DoorStatus active={g.active} /> <span className="badge">{s(`gwChannel_${g.channel}`)}</span>{' '}
                      <span className="muted">
                        {s('doorCreatedAt')}: {formatDateTime(g.createdAt, lang)}
                      </span>
                    </p>
                    <dl className="facts facts-compact">
                      <div>
                        <dt>{s('gwWebhook')}</dt>
                        <dd>
                          <code className="break">{g.webhookUrl}</code>
                        </dd>
                      </div>
                      <div>
                        <dt>{s('gwRegion')}</dt>
                        <dd>
                          {g.defaultRegionName ?? ''} <span className="mono muted">{g.defaultRegionCode}</span>
                        </dd>
                      </div>
                    </dl>
                    <RevokeControls
                      name={g.name}
                      active={g.active}
                      warning={s('gwRevokeWarn', { name: g.name })}
                      pending={setActive.isPending && mine}
                      error={mine ? setActive.error : null}
                      onSet={(active) => setActive.mutate({ id: g.id, active })}
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
