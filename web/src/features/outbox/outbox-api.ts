// The outbox admin: /api/v1/admin/outbox (delivery state of e-mails and events) and retry.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';

export const OUTBOX_STATUSES = ['pending', 'sent', 'failed', 'dead'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export interface OutboxMessage {
  id: number;
  topic: string;
  subject: string | null;
  agencyId: string | null;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  createdAt: string;
  doneAt: string | null;
}

export interface OutboxPage {
  items: OutboxMessage[];
  page: number;
  pageSize: number;
  total: number;
}

export function useOutbox(status: OutboxStatus | '', page: number) {
  return useQuery({
    queryKey: ['outbox', status, page],
    queryFn: () => {
      const params = new URLSearchParams({ page: String(page) });
      if (status) params.set('status', status);
      return api.get<OutboxPage>(`/admin/outbox?${params}`);
    },
    placeholderData: keepPreviousData,
  });
}

export function useRetry() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.post<OutboxMessage>(`/admin/outbox/${id}/retry`),
    onSuccess: () => client.invalidateQueries({ queryKey: ['outbox'] }),
  });
}
