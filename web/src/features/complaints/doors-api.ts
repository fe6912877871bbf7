// Calls of the agency admin's complaint-door pages (Open311 clients, SMS/WhatsApp gateways) to /api/v1.
import { api, seg } from '../../lib/api';

export const DOORS_PAGE_SIZE = 20;

export interface Open311Client {
  id: string;
  name: string;
  active: boolean;
  createdAt: string;
}
interface Open311Door {
  endpointUrl: string;
  jurisdictionId: string;
}
export interface Open311ClientPage extends Open311Door {
  items: Open311Client[];
  page: number;
  pageSize: number;
  total: number;
}
export type CreatedOpen311Client = Open311Client & Open311Door & { apiKey: string };

export type Channel = 'sms' | 'whatsapp';
export interface Gateway {
  id: string;
  name: string;
  channel: Channel;
  defaultRegionCode: string;
  defaultRegionName: string | null;
  active: boolean;
  createdAt: string;
  webhookUrl: string;
}
export interface GatewayPage {
  items: Gateway[];
  page: number;
  pageSize: number;
  total: number;
}
export type CreatedGateway = Gateway & { secret: string };

const O311 = '/console/complaint-open311-clients';
const GW = '/console/complaint-gateways';
const paged = (page: number) => `?page=${page}&pageSize=${DOORS_PAGE_SIZE}`;

export const doorsApi = {
  open311Clients: (page: number) => api.get<Open311ClientPage>(`${O311}${paged(page)}`),
  createOpen311Client: (name: string) => api.post<CreatedOpen311Client>(O311, { name }),
  setOpen311ClientActive: (id: string, active: boolean) => api.patch<Open311Client>(`${O311}/${seg(id)}`, { active }),
  gateways: (page: number) => api.get<GatewayPage>(`${GW}${paged(page)}`),
  createGateway: (input: { name: string; channel: Channel; defaultRegionCode: string }) =>
    api.post<CreatedGateway>(GW, input),
  setGatewayActive: (id: string, active: boolean) => api.patch<Gateway>(`${GW}/${seg(id)}`, { active }),
  searchDesa: (q: string) =>
    api.get<{ items: { code: string; name: string; ancestors: { name: string }[] }[] }>(
      `/regions?level=4&pageSize=30&q=${seg(q)}`,
    ),
};
