// The unit the console works in: any unit the staff member holds a role in, or the whole agency.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { ErrorAlert } from '../../components/Status';
import { useI18n } from '../../lib/i18n/i18n';
import { type Me, type SessionView, ME_KEY, setActiveUnit } from '../auth/auth-api';

export function UnitSwitcher({ me }: { me: Me }) {
  const { t } = useI18n();
  const id = useId();
  const client = useQueryClient();
  const units = new Map<string, string>();
  for (const g of me.grants) if (g.unitId) units.set(g.unitId, g.unitName ?? g.unitId);
  const change = useMutation({
    mutationFn: setActiveUnit,
    onSuccess: (r) => {
      client.setQueryData<SessionView>(ME_KEY, (old) =>
        old?.state === 'signed_in' ? { state: 'signed_in', me: { ...old.me, activeUnitId: r.activeUnitId } } : old,
      );
      // Work lists depend on the active unit.
      void client.invalidateQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
    },
  });
  return (
    <div className="unit-switcher">
      <label htmlFor={id}>{t('console.activeUnit')}</label>
      <select
        id={id}
        value={me.activeUnitId ?? ''}
        disabled={change.isPending}
        onChange={(e) => change.mutate(e.target.value || null)}
      >
        <option value="">{t('console.allUnits')}</option>
        {[...units]
          .sort((a, b) => a[1].localeCompare(b[1]))
          .map(([unitId, name]) => (
            <option key={unitId} value={unitId}>
              {name}
            </option>
          ))}
      </select>
      <ErrorAlert error={change.error} />
    </div>
  );
}
