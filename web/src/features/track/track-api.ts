// GET /api/v1/track/:code — a tracking lookup for whatever was filed (complaint, application, request).
// For a signed-in citizen's own report the answer also carries the report itself.
import { useQuery } from '@tanstack/react-query';
import { ApiError, api, seg } from '../../lib/api';

export interface TrackEvent {
  at?: string;
  kind?: string;
  status?: string | null;
  statusLabel?: unknown;
  label?: unknown;
  unitName?: string | null;
  note?: unknown;
  [key: string]: unknown;
}

export interface TrackedReport {
  title?: string;
  description?: string;
  agencyName?: string;
  unitName?: string | null;
  dueAt?: string | null;
  timeline?: TrackEvent[];
  [key: string]: unknown;
}

export interface TrackResult {
  code: string;
  kind: string;
  status: string;
  statusLabel?: unknown;
  receivedAt?: string;
  timeline?: TrackEvent[];
  report?: TrackedReport;
  [key: string]: unknown;
}

export function useTrack(code: string | undefined) {
  return useQuery({
    queryKey: ['track', code],
    queryFn: () => api.get<TrackResult>(`/track/${seg(code ?? '')}`),
    enabled: Boolean(code),
    retry: (count, err) => !(err instanceof ApiError && err.status >= 400 && err.status < 500) && count < 2,
  });
}
