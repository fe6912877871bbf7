// The agency's calendar: /api/v1/calendar/holidays (national days, cuti bersama and the agency's own days off).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, seg } from '../../lib/api';

export type HolidayKind = 'libur_nasional' | 'cuti_bersama' | 'libur_instansi';

export interface Holiday {
  id: string;
  date: string;
  kind: HolidayKind;
  name: string;
  agencyId: string | null;
  source?: 'skb' | 'admin';
}

export function useHolidays(year: number) {
  return useQuery({
    queryKey: ['holidays', year],
    queryFn: async () => {
      const r = await api.get<Holiday[] | { items: Holiday[] }>(`/calendar/holidays?year=${year}`);
      return (Array.isArray(r) ? r : r.items).slice().sort((a, b) => a.date.localeCompare(b.date));
    },
  });
}

export function useHolidayMutations() {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: ['holidays'] });
  return {
    add: useMutation({
      mutationFn: (body: { date: string; name: string }) => api.post<Holiday>('/calendar/holidays', body),
      onSuccess: refresh,
    }),
    remove: useMutation({
      mutationFn: (id: string) => api.delete<void>(`/calendar/holidays/${seg(id)}`),
      onSuccess: refresh,
    }),
  };
}
