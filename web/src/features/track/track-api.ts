// GET /api/v1/track/:code — a tracking lookup for whatever was filed (complaint, application, request).
import { useQuery } from '@tanstack/react-query';
import { ApiError, api, seg } from '../../lib/api';

export interface TrackEvent {
  at?: string;
  status?: string;
  statusLabel?: unknown;
  label?: unknown;
  note?: unknown;
  [key: string]: unknown;
}

export interface TrackResult {
  code: string;
  kind: string;
  status: string;
  statusLabel?: unknown;
  timeline?: TrackEvent[];
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
