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

export interface CalendarCoverage {
  today: string;
  horizon: string;
  years: { year: number; liburNasional: number; cutiBersama: number }[];
  /** Years that deadlines set today reach, without a single national holiday loaded. */
  missingYears: number[];
}

export function useCalendarCoverage() {
  return useQuery({
    queryKey: ['holidays', 'coverage'],
    queryFn: () => api.get<CalendarCoverage>('/calendar/coverage'),
  });
}

type Day = { date: string; kind: HolidayKind; name: string };

export interface ImportResult {
  dryRun: boolean;
  replaceYears: boolean;
  years: number[];
  rows: number;
  added: Day[];
  restored: Day[];
  changed: (Day & { before: { kind: HolidayKind; name: string } })[];
  unchanged: number;
  removed: Day[];
  notInFile: Day[];
}

/** Platform admin: a joint decree's CSV, previewed (dryRun) and then saved. */
export function useImportNationalDays() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { csv: string; dryRun: boolean; replaceYears: boolean }) =>
      api.post<ImportResult>('/calendar/holidays/import', body),
    onSuccess: (r) => {
      if (!r.dryRun) return client.invalidateQueries({ queryKey: ['holidays'] });
    },
  });
}
