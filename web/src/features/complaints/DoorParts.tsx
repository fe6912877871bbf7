// Pieces shared by the complaint-door pages: the one-time display of a new key or secret (with a copy
// button) and the revoke / re-enable controls with their confirmation step.
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { ErrorAlert } from '../../components/Status';
import { useStrings } from './strings';

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
