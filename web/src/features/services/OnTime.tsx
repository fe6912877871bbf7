// The on-time record of a service, in words.
import type { OnTimeRecord } from './services-api';
import { useS } from './text';

export function OnTime({ record }: { record: OnTimeRecord }) {
  const { s } = useS();
  if (record.finished === 0 || record.onTimePct === null) return <>{s('onTimeNone')}</>;
  return <>{s('onTimeOf', { onTime: record.onTime, finished: record.finished, pct: record.onTimePct })}</>;
}
