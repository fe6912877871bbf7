// Calls of the complaints pages to /api/v1.
import { api, apiRequest, apiUpload, seg } from '../../lib/api';
import type { Text } from '../../lib/i18n/i18n';

export interface Category {
  id: string;
  parentId: string | null;
  code: string;
  nameId: string;
  nameEn: string;
  emergency: boolean;
  tier?: string;
  resolutionDays?: number | null;
  active?: boolean;
}
export interface FileClaim {
  id: string;
  claimToken: string;
}
export interface Uploaded extends FileClaim {
  name: string;
  mime: string;
  size: number;
}
export interface MyReport {
  code: string;
  kind: string;
  title: string;
  status: string;
  statusLabel: Text;
  receivedAt: string;
  closedAt: string | null;
}
export interface RoutingRule {
  id: string;
  categoryId: string | null;
  categoryName: string | null;
  regionPrefix: string | null;
  targetAgencyName: string;
  targetUnitId: string;
  targetUnitName: string;
  active: boolean;
}
export interface CategoryInput {
  parentId?: string | null;
  code?: string;
  nameId?: string;
  nameEn?: string;
  tier?: string;
  emergency?: boolean;
  resolutionDays?: number | null;
}
export interface SubmitInput {
  agency: string;
  kind: string;
  title: string;
  description: string;
  categoryId?: string | null;
  regionCode: string;
  incidentDate?: string | null;
  visibility: string;
  reporter?: { name?: string | null; email?: string | null; phone?: string | null };
  attachments?: FileClaim[];
}
export interface Submitted {
  code: string;
  secret: string;
  trackingUrl: string;
  statusLabel: Text;
  agencyName: string;
}
export interface Entry {
  at: string;
  kind: string;
  status: string | null;
  label: Text;
  unitName: string | null;
  author: string;
  note?: string | null;
  visibility?: string;
}
export interface Tracked {
  code: string;
  status: string;
  statusLabel: Text;
  closeHow: string | null;
  timeline: Entry[];
  report?: {
    title: string;
    description: string;
    categoryName: string | null;
    regionName: string | null;
    visibility: string;
    agencyName: string;
    unitName: string | null;
    dueAt: string | null;
    ratingScore: number | null;
    canReply: boolean;
    canRate: boolean;
    canReopen: boolean;
    canClose: boolean;
    timeline: Entry[];
  };
}

const secretHeaders = (secret: string | null): Record<string, string> =>
  secret ? { 'x-tracking-secret': secret } : {};

export const complaintsApi = {
  categories: (agency: string) => api.get<Category[]>(`/complaints/categories?agency=${seg(agency)}`),
  similar: (regionCode: string, categoryId: string | null, text: string) =>
    api.get<{ code: string; title: string; statusLabel: Text }[]>(
      `/complaints/similar?regionCode=${seg(regionCode)}&text=${seg(text)}${categoryId ? `&categoryId=${seg(categoryId)}` : ''}`,
    ),
  submit: (input: SubmitInput) => api.post<Submitted>('/complaints', input),
  upload: (file: File) => apiUpload<Uploaded>('/files', file),
  mine: (page: number) =>
    api.get<{ items: MyReport[]; page: number; pageSize: number; total: number }>(`/me/complaints?page=${page}`),
  adminCategories: () => api.get<Required<Category>[]>('/console/complaint-categories'),
  createCategory: (input: CategoryInput) => api.post<Category>('/console/complaint-categories', input),
  updateCategory: (id: string, input: CategoryInput) =>
    api.patch<Category>(`/console/complaint-categories/${seg(id)}`, input),
  rules: () => api.get<RoutingRule[]>('/console/complaint-routing-rules'),
  createRule: (input: { categoryId: string | null; regionPrefix: string | null; targetUnitId: string }) =>
    api.post<{ id: string }>('/console/complaint-routing-rules', input),
  deleteRule: (id: string) => api.delete<{ ok: boolean }>(`/console/complaint-routing-rules/${seg(id)}`),
  track: (code: string, secret: string | null) => api.get<Tracked>(`/track/${seg(code)}`, secretHeaders(secret)),
  reporterAction: (
    code: string,
    secret: string | null,
    action: 'replies' | 'rating' | 'reopen' | 'close',
    body: unknown,
  ) => apiRequest<{ ok: boolean }>('POST', `/track/${seg(code)}/${action}`, body, secretHeaders(secret)),
};
