// The agency admin's SMS/WhatsApp gateways: how a gateway signs what it sends (headers, what the HMAC
// covers), the gateways a page at a time with their webhook URLs, adding one (its secret shown once),
// revoking and re-enabling.
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { SelectField, TextField } from '../../components/Field';
import { usePageTitle } from '../../components/page-title';
import { ErrorAlert } from '../../components/Status';
import { DoorList, OneTimeSecret, useDoorList } from './DoorParts';
import { type Channel, type CreatedGateway, doorsApi } from './doors-api';
import { useStrings } from './strings';

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
  const { s } = useStrings();
  usePageTitle(s('gwTitle'));
  const door = useDoorList('complaint-gateways', doorsApi.gateways, doorsApi.setGatewayActive);
  const { list, setActive, setPage, refresh } = door;

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

      <DoorList
        id="gw-list-title"
        title={s('gwList')}
        emptyText={s('gwEmpty')}
        countText={(n) => s('gwCount', { n })}
        testId="gateways"
        door={door}
        revokeWarning={(g) => s('gwRevokeWarn', { name: g.name })}
        badge={(g) => <span className="badge">{s(`gwChannel_${g.channel}`)}</span>}
      >
        {(g) => (
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
        )}
      </DoorList>
    </>
  );
}
