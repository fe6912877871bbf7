// The services module's API: catalogue, applications (guest token in x-application-token, kept in the
// page's #token= fragment and this tab's sessionStorage), payment, documents, and the console's routes.
import { useQuery } from '@tanstack/react-query';
import { API_BASE, ApiError, api, apiRequest, apiUpload, seg } from '../../lib/api';
import type { Text } from '../../lib/i18n/i18n';

export type FieldType = 'text' | 'number' | 'date' | 'choice' | 'region' | 'nik' | 'nib' | 'file';
export interface FormField {
  key: string;
  label: Text;
  type: FieldType;
  required: boolean;
  help?: Text;
  maxLength?: number;
  min?: number;
  max?: number;
  options?: { value: string; label: Text }[];
  allowedTypes?: string[];
  maxSizeKb?: number;
}
export type Standard = Record<string, string | string[]>;
export interface Step {
  index: number;
  name: Text;
  role: string;
  roleLabel: Text;
  unitId: string;
  unitName: string;
  days: number;
  state?: string;
}
export interface OnTimeRecord {
  submitted: number;
  finished: number;
  onTime: number;
  onTimePct: number | null;
}
export interface CatalogueItem {
  id: string;
  code: string;
  name: string;
  summary: string;
  agencySlug: string;
  agencyName: string;
  unitId: string;
  unitName: string;
  version: number;
  feeRupiah: number;
  durationDays: number;
  record: OnTimeRecord;
}
export interface ServiceDetail extends CatalogueItem {
  agencyId: string;
  standard: Standard;
  form: FormField[];
  steps: Step[];
  publishedAt: string;
}
export type Values = Record<string, string | number | null>;
export interface FileClaim {
  id: string;
  claimToken: string;
}
export interface ApplicationView {
  id: string;
  trackingCode: string;
  status: string;
  service: { id: string; name: string; code: string; version: number };
  feeRupiah: number;
  durationDays: number;
  form: FormField[];
  data: Values;
  files: { id: string; name: string; mime: string; size: number }[];
  steps: Step[];
  stepIndex: number;
  returnedFields: { key: string; note: string }[];
  returnNote: string | null;
  rejectReason: string | null;
  deadlineAt: string | null;
  stepDeadlineAt: string | null;
  submittedAt: string | null;
  completedAt: string | null;
  onTime: boolean | null;
  applicant: { name: string; email: string | null; hasAccount: boolean };
  payment: { code: string; amountRupiah: number; status: string; instructions: Text; paidAt: string | null } | null;
  document: { id: string; number: string; issuedAt: string; revoked: boolean; revokeReason: string | null } | null;
  events: {
    action: string;
    stepIndex: number | null;
    at: string;
    note: string | null;
    actorName: string | null;
    workingDays: number | null;
  }[];
}

export const useCatalogue = (q: string, agency: string) =>
  useQuery({
    queryKey: ['services', 'catalogue', q, agency],
    queryFn: () =>
      api.get<{ total: number; items: CatalogueItem[] }>(
        `/services/catalogue?limit=100${q ? `&q=${encodeURIComponent(q)}` : ''}${agency ? `&agency=${encodeURIComponent(agency)}` : ''}`,
      ),
  });

export const useService = (id: string | undefined) =>
  useQuery({
    queryKey: ['services', 'service', id],
    queryFn: () => api.get<ServiceDetail>(`/services/catalogue/${seg(id ?? '')}`),
    enabled: Boolean(id),
  });

const TOKEN_KEY = (id: string) => `pamong.services.token.${id}`;
export function rememberToken(id: string, token: string) {
  try {
    sessionStorage.setItem(TOKEN_KEY(id), token);
  } catch {
    // Storage blocked: the link with #token= still works.
  }
}
export function tokenFor(id: string, hash: string): string | undefined {
  const fromHash = new URLSearchParams(hash.replace(/^#/, '')).get('token');
  if (fromHash) return fromHash;
  try {
    return sessionStorage.getItem(TOKEN_KEY(id)) ?? undefined;
  } catch {
    return undefined;
  }
}
const tokenHeader = (token?: string): Record<string, string> => (token ? { 'x-application-token': token } : {});

export const useApplication = (id: string | undefined, token: string | undefined) =>
  useQuery({
    queryKey: ['services', 'application', id],
    queryFn: () => api.get<ApplicationView>(`/services/applications/${seg(id ?? '')}`, tokenHeader(token)),
    enabled: Boolean(id),
    retry: (n, e) => !(e instanceof ApiError && e.status < 500) && n < 2,
  });

export const createApplication = (body: {
  serviceId: string;
  applicant?: { name: string; email?: string };
  values: Values;
  files: Record<string, FileClaim>;
  submit: boolean;
}) =>
  api.post<{ id: string; trackingCode: string; accessToken: string | null; status: string }>(
    '/services/applications',
    body,
  );

export const submitApplication = (
  id: string,
  token: string | undefined,
  body: { values?: Values; files?: Record<string, FileClaim> },
) => apiRequest<ApplicationView>('POST', `/services/applications/${seg(id)}/submit`, body, tokenHeader(token));

export const simulatePayment = (paymentCode: string) =>
  api.post<{ status: string; applicationStatus: string }>('/services/payments/simulate', { paymentCode });

/** Uploads one file through POST /files; returns its id and claim token. */
/** Uploads through the shared client, which sends the CSRF token when the applicant is signed in. */
export async function uploadFile(file: File): Promise<FileClaim> {
  const data = await apiUpload<FileClaim>('/files', file);
  return { id: data.id, claimToken: data.claimToken };
}

function errorOf(status: number, data: unknown): ApiError {
  const e = (data as { error?: { code?: string; messages?: Text; details?: unknown } } | undefined)?.error;
  return new ApiError(status, e?.code ?? `HTTP_${status}`, e?.messages ?? null, e?.details);
}

/** Downloads the issued PDF (the token travels in a header, so the link is a blob URL). */
export async function downloadDocument(id: string, token: string | undefined): Promise<Blob> {
  const res = await fetch(`${API_BASE}/services/applications/${seg(id)}/document.pdf`, {
    headers: tokenHeader(token),
    credentials: 'same-origin',
  });
  if (!res.ok) throw errorOf(res.status, await res.json().catch(() => undefined));
  return res.blob();
}

export interface Issued {
  id: string;
  number: string;
  serviceName: string;
  holderName: string;
  agencyName: string;
  unitName: string;
  issuedAt: string;
  contentDigest: string;
  fileSha256: string;
  revokedAt: string | null;
  revokeReason: string | null;
}
export const useVerification = (id: string | undefined) =>
  useQuery({
    queryKey: ['services', 'verification', id],
    queryFn: () =>
      api.get<{ status: string; document: Issued | null }>(`/services/documents/${seg(id ?? '')}/verification`),
    enabled: Boolean(id),
  });

export interface FileCheck {
  status: string;
  reasons: { code: string; message: Text }[];
  uploadedSha256: string;
  uploadedContentDigest: string | null;
  issued: Issued | null;
}
export async function verifyFile(id: string, file: File): Promise<FileCheck> {
  const res = await fetch(`${API_BASE}/services/documents/${seg(id)}/verify-file`, {
    method: 'POST',
    headers: { 'content-type': 'application/pdf' },
    body: await file.arrayBuffer(),
    credentials: 'same-origin',
  });
  const data = await res.json().catch(() => undefined);
  if (!res.ok) throw errorOf(res.status, data);
  return data as FileCheck;
}

// Console
export interface QueueItem {
  id: string;
  trackingCode: string;
  status: string;
  serviceId: string;
  serviceName: string;
  applicantName: string;
  stepIndex: number;
  stepName: Text;
  stepRole: string;
  stepUnitName: string;
  stepCount: number;
  submittedAt: string | null;
  deadlineAt: string | null;
  overdue: boolean;
  mine: boolean;
}
export interface StatRow {
  serviceId: string;
  name: string;
  submitted: number;
  inReview: number;
  returned: number;
  awaitingPayment: number;
  completed: number;
  rejected: number;
  finished: number;
  onTime: number;
  onTimePct: number | null;
  steps: { index: number; name: Text; days: number; approvals: number; medianWorkingDays: number | null }[];
}
export interface AdminService {
  id: string;
  code: string;
  name: string;
  unitId: string;
  unitName: string;
  version: number;
  active: boolean;
}

export const rupiah = (n: number, lang: 'id' | 'en') =>
  n === 0 ? (lang === 'id' ? 'Gratis' : 'Free') : `Rp${new Intl.NumberFormat('id-ID').format(n)}`;
