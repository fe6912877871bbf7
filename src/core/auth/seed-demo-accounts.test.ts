import { describe, expect, it } from 'vitest';
import { type AgentRole, loginAs } from '../../../test/auth';
import { createTestApp } from '../../../test/app';
import { DEMO_ACCOUNTS } from './seed-demo-accounts';

const t = await createTestApp();

describe('demo accounts', () => {
  it('every role has a demo login that signs in and holds that role', async () => {
    for (const role of Object.keys(DEMO_ACCOUNTS) as AgentRole[]) {
      const agent = await loginAs(t, role);
      const me = (await agent.inject({ method: 'GET', url: '/api/v1/auth/me' })).json();
      expect(me.user.email, role).toBe(DEMO_ACCOUNTS[role]);
      if (role === 'citizen') expect(me.grants).toEqual([]);
      else expect(me.grants.map((g: { role: string }) => g.role)).toEqual([role]);
      // Cached: the same session comes back.
      expect((await loginAs(t, role)).cookie).toBe(agent.cookie);
    }
  });

  it('unit roles are held in the demo DPUPR unit; the others agency-wide', async () => {
    for (const role of ['operator_unit', 'kepala_unit'] as const) {
      const me = (await (await loginAs(t, role)).inject({ method: 'GET', url: '/api/v1/auth/me' })).json();
      expect(me.grants[0].unitName).toBe('Dinas Pekerjaan Umum dan Penataan Ruang');
    }
    for (const role of ['admin_instansi', 'inspektorat', 'ppid', 'bkpsdm', 'pimpinan', 'platform_admin'] as const) {
      const me = (await (await loginAs(t, role)).inject({ method: 'GET', url: '/api/v1/auth/me' })).json();
      expect(me.grants[0].unitId).toBeNull();
      expect(me.agency.slug).toBe('banten');
    }
  });
});
