// Pieces shared by the complaint-door pages: the one-time display of a new key or secret (with a copy
// button), the revoke / re-enable controls with their confirmation step, and the paged list of doors.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { Pager } from '../../components/Pager';
import { Empty, ErrorAlert, Loading, Notice } from '../../components/Status';
import { formatDateTime } from '../../lib/format';
import { DOORS_PAGE_SIZE } from './doors-api';
import { useStrings } from './strings';

interface Door {
  id: string;
  name: string;
  active: boolean;
  createdAt: string;
}

/** One page of an agency's doors, and revoking or re-enabling one of them (the list refreshes after). */
export function useDoorList<D extends Door, P extends { items: D[]; total: number }>(
  key: string,
  fetchPage: (page: number) => Promise<P>,
  setActiveOf: (id: string, active: boolean) => Promise<D>,
) {
  const qc = useQueryClient();
  const [page, setPage] = useState(1);
  const list = useQuery({ queryKey: [key, page], queryFn: () => fetchPage(page) });
  const refresh = () => void qc.invalidateQueries({ queryKey: [key] });
  const setActive = useMutation({
    mutationFn: (v: { id: string; active: boolean }) => setActiveOf(v.id, v.active),
    onSuccess: refresh,
  });
  return { page, setPage, list, setActive, refresh };
}

/** The list section: the last revoke/re-enable, loading/error/empty states, the cards and the pager. */
export function DoorList<D extends Door>({
  id,
  title,
  emptyText,
  countText,
  testId,
  door,
  revokeWarning,
  badge,
  children,
}: {
  id: string;
  title: string;
  emptyText: string;
  countText(total: number): string;
  testId: string;
  door: ReturnType<typeof useDoorList<D, { items: D[]; total: number }>>;
  revokeWarning(d: D): string;
  /** Shown after the status badge. */
  badge?(d: D): ReactNode;
  /** What the card shows below its status line, above the revoke controls. */
  children?(d: D): ReactNode;
}) {
  const { s, lang } = useStrings();
  const { list, setActive, page, setPage } = door;
  const changed = setActive.data;
  const data = list.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / DOORS_PAGE_SIZE)) : 1;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {changed ? (
        <Notice>{s(changed.active ? 'doorReactivatedDone' : 'doorRevokedDone', { name: changed.name })}</Notice>
      ) : null}
      {list.isPending ? (
        <Loading />
      ) : list.error || !data ? (
        <ErrorAlert error={list.error} />
      ) : data.items.length === 0 ? (
        <Empty>{emptyText}</Empty>
      ) : (
        <>
          <p className="muted">{countText(data.total)}</p>
          <ul className="cards" data-testid={testId}>
            {data.items.map((d) => {
              const mine = setActive.variables?.id === d.id;
              return (
                <li key={d.id} className="card">
                  <h3>{d.name}</h3>
                  <p>
                    <DoorStatus active={d.active} /> {badge ? <>{badge(d)} </> : null}
                    <span className="muted">
                      {s('doorCreatedAt')}: {formatDateTime(d.createdAt, lang)}
                    </span>
                  </p>
                  {children?.(d)}
                  <RevokeControls
                    name={d.name}
                    active={d.active}
                    warning={revokeWarning(d)}
                    pending={setActive.isPending && mine}
                    error={mine ? setActive.error : null}
                    onSet={(active) => setActive.mutate({ id: d.id, active })}
                  />
                </li>
              );
            })}
          </ul>
          <Pager page={page} pages={pages} onPage={setPage} />
        </>
      )}
    </section>
  );
}

/** A value shown once, right after it was made: copy it now, it will not be shown again. */
export function OneTimeSecret({
  title,
  value,
  testId,
  children,
  onDone,
}: {
  title: string;
  value: string;
  testId: string;
  children?: ReactNode;
  onDone(): void;
}) {
  const { s } = useStrings();
  const heading = useRef<HTMLHeadingElement>(null);
  const [copied, setCopied] = useState<'ok' | 'failed' | null>(null);
  useEffect(() => heading.current?.focus(), []);
  const copy = () => {
    setCopied(null);
    const write = navigator.clipboard?.writeText(value);
    if (!write) {
      setCopied('failed');
      return;
    }
    write.then(
      () => setCopied('ok'),
      () => setCopied('failed'),
    );
  };
  return (
    <section className="panel" aria-labelledby={`${testId}-title`} data-testid={`${testId}-panel`}>
      <h2 id={`${testId}-title`} ref={heading} tabIndex={-1}>
        {title}
      </h2>
      <div className="alert alert-warning">
        <p>{s('doorOnceWarning')}</p>
      </div>
      <p>
        <code className="secret" data-testid={testId}>
          {value}
        </code>
      </p>
      <div className="actions">
        <button type="button" className="button button-secondary" onClick={copy}>
          {s('doorCopy')}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {s('doorOnceDone')}
        </button>
      </div>
      <p role="status" className="muted">
        {copied === 'ok' ? s('doorCopied') : copied === 'failed' ? s('doorCopyFailed') : ''}
      </p>
      {children}
    </section>
  );
}

export function DoorStatus({ active }: { active: boolean }) {
  const { s } = useStrings();
  return (
    <span className={`badge ${active ? 'badge-ok' : 'badge-off'}`}>{active ? s('doorActive') : s('doorRevoked')}</span>
  );
}

/** Revoke (after a confirmation naming what stops working) or re-enable one client or gateway. */
export function RevokeControls({
  name,
  active,
  warning,
  pending,
  error,
  onSet,
}: {
  name: string;
  active: boolean;
  warning: string;
  pending: boolean;
  error: unknown;
  onSet(active: boolean): void;
}) {
  const { s } = useStrings();
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);
  useEffect(() => {
    if (!active) setConfirming(false);
  }, [active]);
  if (!active)
    return (
      <>
        <p className="muted">{s('doorReactivateNote')}</p>
        <ErrorAlert error={error} />
        <button
          type="button"
          className="button button-secondary button-small"
          disabled={pending}
          onClick={() => onSet(true)}
        >
          {s('doorReactivate', { name })}
        </button>
      </>
    );
  if (!confirming)
    return (
      <button type="button" className="button button-danger button-small" onClick={() => setConfirming(true)}>
        {s('doorRevoke', { name })}
      </button>
    );
  return (
    <fieldset className="alert alert-warning">
      <legend className="sr-only">{s('doorRevoke', { name })}</legend>
      <p>{warning}</p>
      <ErrorAlert error={error} />
      <div className="actions">
        <button
          type="button"
          ref={confirmRef}
          className="button button-danger button-small"
          disabled={pending}
          onClick={() => onSet(false)}
        >
          {s('doorRevokeConfirm')}
        </button>
        <button type="button" className="button button-secondary button-small" onClick={() => setConfirming(false)}>
          {s('doorCancel')}
        </button>
      </div>
    </fieldset>
  );
}
