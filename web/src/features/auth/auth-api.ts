// Sign-in, the second factor, the session (GET /auth/me) and the unit the console works in.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, setCsrfToken } from '../../lib/api';

export const ROLES = [
  'platform_admin',
  'admin_instansi',
  'operator_unit',
  'kepala_unit',
  'inspektorat',
  'ppid',
  'bkpsdm',
  'pimpinan',
] as const;
export type Role = (typeof ROLES)[number];

export interface UserView {
  id: string;
  kind: 'staff' | 'citizen';
  email: string;
  name: string;
  phone: string | null;
  agencyId: string | null;
  emailVerified: boolean;
  totpEnabled: boolean;
}

export interface Grant {
  id: string;
  role: Role;
  agencyId: string;
  unitId: string | null;
  unitName: string | null;
}

export interface Me {
  user: UserView;
  agency: { id: string; slug: string; name: string } | null;
  grants: Grant[];
  activeUnitId: string | null;
  csrfToken: string;
}

export type SecondFactor = 'totp_required' | 'totp_enrol';

/** Where the session stands: signed out, waiting for the second factor, or signed in. */
export type SessionView =
  | { state: 'signed_out' }
  | { state: 'second_factor'; step: SecondFactor }
  | { state: 'signed_in'; me: Me };

export const ME_KEY = ['auth', 'me'] as const;

async function fetchSession(): Promise<SessionView> {
  try {
    const me = await api.get<Me>('/auth/me');
    setCsrfToken(me.csrfToken);
    return { state: 'signed_in', me };
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) {
      const details = err.details as { status?: unknown; csrfToken?: unknown } | undefined;
      if (err.code === 'MFA_REQUIRED' && (details?.status === 'totp_required' || details?.status === 'totp_enrol')) {
        if (typeof details.csrfToken === 'string') setCsrfToken(details.csrfToken);
        return { state: 'second_factor', step: details.status };
      }
      setCsrfToken(null);
      return { state: 'signed_out' };
    }
    throw err;
  }
}

export function useSession() {
  return useQuery({ queryKey: ME_KEY, queryFn: fetchSession, staleTime: 60_000 });
}

export function useInvalidateSession() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ME_KEY });
}

export interface LoginAnswer {
  status: 'ok' | SecondFactor;
  csrfToken: string;
  user?: UserView;
}

export async function logIn(email: string, password: string): Promise<LoginAnswer> {
  const r = await api.post<LoginAnswer>('/auth/login', { email, password });
  setCsrfToken(r.csrfToken);
  return r;
}

export interface TotpEnrolment {
  otpauthUrl: string;
  secret: string;
  qrDataUrl: string;
}

export const enrolTotp = () => api.post<TotpEnrolment>('/auth/totp/enrol');

export interface TotpVerifyAnswer {
  status: 'ok';
  user: UserView;
  csrfToken: string;
  recoveryCodes?: string[];
}

export async function verifyTotp(code: string): Promise<TotpVerifyAnswer> {
  const r = await api.post<TotpVerifyAnswer>('/auth/totp/verify', { code });
  setCsrfToken(r.csrfToken);
  return r;
}

export async function logOut(): Promise<void> {
  await api.post<void>('/auth/logout');
  setCsrfToken(null);
}

export const setActiveUnit = (unitId: string | null) =>
  api.post<{ activeUnitId: string | null }>('/auth/active-unit', { unitId });

export const requestPasswordReset = (email: string) =>
  api.post<{ status: 'accepted' }>('/auth/password-reset/request', { email });
export const confirmPasswordReset = (token: string, password: string) =>
  api.post<{ status: 'ok' }>('/auth/password-reset/confirm', { token, password });
export const verifyEmail = (token: string) => api.post<{ status: 'ok' }>('/auth/verify-email', { token });

export const hasAnyRole = (me: Me, roles: readonly Role[]) => me.grants.some((g) => roles.includes(g.role));
export const ADMIN_ROLES: readonly Role[] = ['admin_instansi', 'platform_admin'];

/** Grants in a stable order: by role (as listed in ROLES), then agency-wide first, then by unit name. */
export const sortGrants = (grants: Grant[]): Grant[] =>
  [...grants].sort(
    (a, b) =>
      ROLES.indexOf(a.role) - ROLES.indexOf(b.role) ||
      Number(a.unitId !== null) - Number(b.unitId !== null) ||
      (a.unitName ?? '').localeCompare(b.unitName ?? '', 'id'),
  );
