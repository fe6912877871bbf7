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
  source: 'skb' | 'admin';
}

interface HolidaysAnswer {
  year: number;
  agency: { slug: string; name: string } | null;
  timeZone: string;
  holidays: Holiday[];
}

/** National days and the agency's own days off in `year`, by date. */
export function useHolidays(agencySlug: string | undefined, year: number) {
  return useQuery({
    queryKey: ['holidays', agencySlug, year],
    queryFn: async () => {
      const params = new URLSearchParams({ year: String(year) });
      if (agencySlug) params.set('agency', agencySlug);
      const r = await api.get<HolidaysAnswer>(`/calendar/holidays?${params}`);
      return r.holidays.slice().sort((a, b) => a.date.localeCompare(b.date));
    },
  });
}

export function useHolidayMutations(agencySlug: string | undefined) {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: ['holidays'] });
  return {
    add: useMutation({
      mutationFn: (body: { date: string; name: string }) =>
        api.post<Holiday>('/calendar/holidays', { ...body, kind: 'libur_instansi', agency: agencySlug }),
      onSuccess: refresh,
    }),
    remove: useMutation({
      mutationFn: (id: string) => api.delete<Holiday>(`/calendar/holidays/${seg(id)}`),
      onSuccess: refresh,
    }),
  };
}
