// The agency admin switches automatic assignment (new reports routed to the learned suggestion) on or off
// and sets its confidence threshold: the complaint setting routingAutoAssignPercent, where 0 means off.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { TextField } from '../../components/Field';
import { ErrorAlert, Loading, Notice } from '../../components/Status';
import { api } from '../../lib/api';
import { useStrings } from './strings';

interface Settings {
  routingAutoAssignPercent: number;
}
const KEY = ['complaint-settings'];
const DEFAULT_THRESHOLD = 80;

export function AutoAssignSettings() {
  const { s } = useStrings();
  const qc = useQueryClient();
  const settings = useQuery({ queryKey: KEY, queryFn: () => api.get<Settings>('/console/complaint-settings') });
  const [on, setOn] = useState(false);
  const [threshold, setThreshold] = useState(String(DEFAULT_THRESHOLD));
  const current = settings.data?.routingAutoAssignPercent;
  useEffect(() => {
    if (current === undefined) return;
    setOn(current > 0);
    setThreshold(String(current > 0 ? current : DEFAULT_THRESHOLD));
  }, [current]);
  const save = useMutation({
    mutationFn: (percent: number) =>
      api.put<Settings>('/console/complaint-settings', { routingAutoAssignPercent: percent }),
    onSuccess: (next) => qc.setQueryData(KEY, next),
  });
  const n = Number(threshold);
  const valid = !on || (Number.isInteger(n) && n >= 1 && n <= 100);
  const onSave = (e: FormEvent) => {
    e.preventDefault();
    if (valid) save.mutate(on ? n : 0);
  };

  return (
    <section aria-labelledby="auto-assign">
      <h2 id="auto-assign">{s('autoTitle')}</h2>
      <p>{s('autoLead')}</p>
      {settings.isPending ? (
        <Loading />
      ) : settings.error ? (
        <ErrorAlert error={settings.error} />
      ) : (
        <form className="form" onSubmit={onSave} aria-label={s('autoTitle')}>
          <p data-testid="auto-assign-state">{current ? s('autoStateOn', { p: current }) : s('autoStateOff')}</p>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={on}
              onChange={(e) => {
                save.reset();
                setOn(e.target.checked);
              }}
            />{' '}
            {s('autoOn')}
          </label>
          <TextField
            label={s('autoThreshold')}
            hint={s('autoThresholdHint')}
            type="number"
            inputMode="numeric"
            min={1}
            max={100}
            step={1}
            value={threshold}
            disabled={!on}
            error={valid ? null : s('autoThresholdHint')}
            onChange={(e) => {
              save.reset();
              setThreshold(e.target.value);
            }}
          />
          <ErrorAlert error={save.error} />
          {save.isSuccess ? <Notice>{s('autoSaved')}</Notice> : null}
          <button type="submit" className="button" disabled={!valid || save.isPending}>
            {s('save')}
          </button>
        </form>
      )}
    </section>
  );
}
