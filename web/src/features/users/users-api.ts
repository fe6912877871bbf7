// The users admin: /api/v1/admin/users (list, create, grant, revoke).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, seg } from '../../lib/api';
import type { Grant, Role, UserView } from '../auth/auth-api';

export interface AdminUser extends UserView {
  active: boolean;
  createdAt: string;
  grants: Grant[];
}

export interface UserPage {
  items: AdminUser[];
  total: number;
  page: number;
  pageSize: number;
}

export const PAGE_SIZE = 20;

export function useUsers(page: number, q: string) {
  return useQuery({
    queryKey: ['admin-users', page, q],
    queryFn: () => {
      const params = new URLSearchParams({ page: String(page), pageSize: String(PAGE_SIZE) });
      if (q) params.set('q', q);
      return api.get<UserPage>(`/admin/users?${params}`);
    },
    placeholderData: keepPreviousData,
  });
}

export interface NewGrant {
  role: Role;
  unitId: string | null;
}

export function useUserMutations() {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: ['admin-users'] });
  return {
    create: useMutation({
      mutationFn: (body: { name: string; email: string; phone?: string | null; grants: NewGrant[] }) =>
        api.post<AdminUser>('/admin/users', body),
      onSuccess: refresh,
    }),
    grant: useMutation({
      mutationFn: ({ userId, grant }: { userId: string; grant: NewGrant }) =>
        api.post<Grant>(`/admin/users/${seg(userId)}/grants`, grant),
      onSuccess: refresh,
    }),
    revoke: useMutation({
      mutationFn: ({ userId, grantId }: { userId: string; grantId: string }) =>
        api.delete<void>(`/admin/users/${seg(userId)}/grants/${seg(grantId)}`),
      onSuccess: refresh,
    }),
  };
}
