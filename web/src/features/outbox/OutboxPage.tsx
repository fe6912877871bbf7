// The outbox: e-mails and events waiting, sent, failing or given up, with a retry for the last two.
import { useState } from 'react';
import { SelectField } from '../../components/Field';
import { Pager } from '../../components/Pager';
import { usePageTitle } from '../../components/page-title';
import { Empty, ErrorAlert, Loading } from '../../components/Status';
import { formatDateTime } from '../../lib/format';
import { type MessageKey, useI18n } from '../../lib/i18n/i18n';
import { OUTBOX_STATUSES, type OutboxMessage, type OutboxStatus, useOutbox, useRetry } from './outbox-api';

const STATUS_KEY: Record<OutboxStatus, MessageKey> = {
  pending: 'outbox.status.pending',
  sent: 'outbox.status.sent',
  failed: 'outbox.status.failed',
  dead: 'outbox.status.dead',
};

export function OutboxPage() {
  const { t } = useI18n();
  usePageTitle(t('outbox.title'));
  const [status, setStatus] = useState<OutboxStatus | ''>('');
  const [page, setPage] = useState(1);
  const list = useOutbox(status, page);
  const retry = useRetry();
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / list.data.pageSize)) : 1;
  return (
    <>
      <h1>{t('outbox.title')}</h1>
      <p className="lead">{t('outbox.lead')}</p>
      <div className="form inline-form">
        <SelectField
          label={t('outbox.filter')}
          value={status}
          onChange={(e) => {
            setStatus(e.target.value as OutboxStatus | '');
            setPage(1);
          }}
        >
          <option value="">{t('outbox.all')}</option>
          {OUTBOX_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(STATUS_KEY[s])}
            </option>
          ))}
        </SelectField>
      </div>
      <ErrorAlert error={retry.error} />
      {list.isPending ? (
        <Loading />
      ) : list.error ? (
        <ErrorAlert error={list.error} />
      ) : list.data.items.length === 0 ? (
        <Empty>{status ? t('outbox.emptyStatus', { status: t(STATUS_KEY[status]) }) : t('outbox.empty')}</Empty>
      ) : (
        <>
          <ul className="outbox-list">
            {list.data.items.map((m) => (
              <Message
                key={m.id}
                m={m}
                onRetry={() => retry.mutate(m.id)}
                retrying={retry.isPending && retry.variables === m.id}
              />
            ))}
          </ul>
          <Pager page={page} pages={pages} onPage={setPage} />
        </>
      )}
    </>
  );
}

function Message({ m, onRetry, retrying }: { m: OutboxMessage; onRetry(): void; retrying: boolean }) {
  const { t, lang } = useI18n();
  const title = m.topic === 'email' ? (m.subject ?? t('outbox.email')) : m.topic;
  return (
    <li className="card outbox-card">
      <h2 className="h3">
        <span className="muted">#{m.id}</span> {title}
      </h2>
      <p>
        <span className={`badge badge-${m.status}`}>{t(STATUS_KEY[m.status])}</span>{' '}
        <span className="muted">{m.topic === 'email' ? t('outbox.email') : t('outbox.event')}</span>
      </p>
      <dl className="facts facts-compact">
        <div>
          <dt>{t('outbox.created')}</dt>
          <dd>{formatDateTime(m.createdAt, lang)}</dd>
        </div>
        <div>
          <dt>{t('outbox.attempts')}</dt>
          <dd>{m.attempts}</dd>
        </div>
        {m.nextAttemptAt ? (
          <div>
            <dt>{t('outbox.nextAttempt')}</dt>
            <dd>{formatDateTime(m.nextAttemptAt, lang)}</dd>
          </div>
        ) : null}
        {m.doneAt ? (
          <div>
            <dt>{t('outbox.done')}</dt>
            <dd>{formatDateTime(m.doneAt, lang)}</dd>
          </div>
        ) : null}
        {m.lastError ? (
          <div>
            <dt>{t('outbox.lastError')}</dt>
            <dd className="break">{m.lastError}</dd>
          </div>
        ) : null}
      </dl>
      {m.status === 'failed' || m.status === 'dead' ? (
        <button
          type="button"
          className="button button-secondary button-small"
          onClick={onRetry}
          disabled={retrying}
          aria-label={t('outbox.retryLabel', { id: m.id })}
        >
          {t('outbox.retry')}
        </button>
      ) : null}
    </li>
  );
}
