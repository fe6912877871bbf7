// Types and calls of the survey API.
import { api, seg } from '../../lib/api';
import type { Text } from '../../lib/i18n/i18n';

export interface FormDefinition {
  elements: { key: string; order: number; name: Text; question: Text; answers: { value: number; label: Text }[] }[];
  profile: Record<'jenisKelamin' | 'umur' | 'pendidikan' | 'pekerjaan', { code: string; label: Text }[]>;
}
export interface CustomQuestion {
  id: string;
  position: number;
  text: Text;
  kind: 'scale' | 'text';
}
export interface FormContext {
  agencyName: string;
  unitId: string;
  unitName: string;
  questions: CustomQuestion[];
  kioskName?: string;
}
export interface ResponsePayload {
  answers: Record<string, number>;
  profile?: Record<string, string>;
  suggestion?: string;
  extra?: Record<string, number | string>;
  sessionToken?: string;
}
export interface ElementRow {
  key: string;
  name: Text;
  sum: number;
  count: number;
  nrr: string;
  weightedNrr: string;
  converted: string;
  mutu: string;
  lowest: boolean;
}
export interface FollowUp {
  id: string;
  periodKey: string;
  element: string;
  action: string;
  owner: string;
  dueDate: string;
  status: 'direncanakan' | 'berjalan' | 'selesai';
}
export interface ResultView {
  scope: { agency: { id: string; name: string }; unit: { id: string; name: string } | null; serviceId: string | null };
  period: { key: string; label: Text; from: string; until: string };
  weight: { convention: string; fraction: string; label: Text };
  responses: number;
  result: { elements: ElementRow[]; ikm: string; converted: string; mutu: { grade: string; kinerja: Text } } | null;
  sample: { population: number | null; minimum: number | null; sufficient: boolean | null };
  profile: { dimension: string; label: Text; rows: { code: string; label: Text; count: number }[]; notGiven: number }[];
}
export interface Report extends ResultView {
  questions: { id: string; text: Text; kind: string; answers: number; average: string | null }[];
  followUps: { current: FollowUp[]; previous: { periodKey: string; label: Text; items: FollowUp[] } };
  suggestions: string[];
}
export interface Published extends ResultView {
  followUps: FollowUp[];
  publishedAt: string;
}
export interface Kiosk {
  id: string;
  name: string;
  active: boolean;
  url: string;
}
export interface TrendPoint {
  periodKey: string;
  label: Text;
  responses: number;
  converted: string | null;
  mutu: string | null;
}

export const surveysApi = {
  definition: () => api.get<FormDefinition>('/surveys/form'),
  invitation: (token: string) => api.get<FormContext>(`/surveys/invitations/${seg(token)}`),
  answerInvitation: (token: string, body: ResponsePayload) =>
    api.post<{ ok: boolean }>(`/surveys/invitations/${seg(token)}/responses`, body),
  unitForm: (unitId: string) => api.get<FormContext>(`/surveys/units/${seg(unitId)}/form`),
  unitSession: (unitId: string) => api.post<{ sessionToken: string }>(`/surveys/units/${seg(unitId)}/sessions`),
  answerUnit: (unitId: string, body: ResponsePayload) =>
    api.post<{ ok: boolean }>(`/surveys/units/${seg(unitId)}/responses`, body),
  kiosk: (token: string) => api.get<FormContext>(`/surveys/kiosk/${seg(token)}`),
  kioskSession: (token: string) => api.post<{ sessionToken: string }>(`/surveys/kiosk/${seg(token)}/sessions`),
  answerKiosk: (token: string, body: ResponsePayload) =>
    api.post<{ ok: boolean }>(`/surveys/kiosk/${seg(token)}/responses`, body),
  published: (unitId: string) => api.get<Published>(`/surveys/units/${seg(unitId)}/published`),
  report: (query: string) => api.get<Report>(`/surveys/reports?${query}`),
  trend: (query: string) => api.get<{ points: TrendPoint[] }>(`/surveys/reports/trend?${query}&count=6`),
  publish: (unitId: string, period: string) =>
    api.post<Published>(`/surveys/units/${seg(unitId)}/publications`, { period }),
  kiosks: (unitId: string) => api.get<Kiosk[]>(`/surveys/units/${seg(unitId)}/kiosks`),
  addKiosk: (unitId: string, name: string) => api.post<Kiosk>(`/surveys/units/${seg(unitId)}/kiosks`, { name }),
  addFollowUp: (unitId: string, body: Omit<FollowUp, 'id' | 'status'>) =>
    api.post<FollowUp>(`/surveys/units/${seg(unitId)}/follow-ups`, body),
  setFollowUpStatus: (id: string, status: FollowUp['status']) =>
    api.patch<FollowUp>(`/surveys/follow-ups/${seg(id)}`, { status }),
};
