import { Command } from 'commander';
import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { loginWith } from '../../../test/auth';
import { createTestApp } from '../../../test/app';
import { auditEntries } from '../audit/schema';
import { registerUserCommands } from './cli';

const t = await createTestApp({ now: new Date('2026-03-02T02:00:00Z') });

async function run(...args: string[]): Promise<{ out: string[]; error?: string }> {
  const program = new Command('pamong').exitOverride();
  registerUserCommands(program, async () => ({ ...t.ctx, close: async () => {} }));
  const out: string[] = [];
  const spy = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  try {
    await program.parseAsync(['node', 'pamong', 'user', 'create', ...args]);
    return { out };
  } catch (e) {
    return { out, error: (e as Error).message };
  } finally {
    spy.mockRestore();
  }
}

describe('pamong user create', () => {
  it('refuses an unknown role, agency or unit, and a weak password, creating nothing', async () => {
    const base = ['--email', 'budi@banten.pamong.test', '--name', 'Budi'];
    expect((await run(...base, '--agency', 'banten', '--role', 'raja')).error).toMatch(/^Peran tidak dikenal/);
    expect((await run(...base, '--agency', 'atlantis', '--role', 'ppid')).error).toBe(
      'Instansi "atlantis" tidak ditemukan. / No agency "atlantis".',
    );
    expect((await run(...base, '--agency', 'banten', '--role', 'ppid', '--unit', 'nope')).error).toMatch(
      /^Unit tidak ditemukan/,
    );
    expect((await run(...base, '--agency', 'banten', '--role', 'ppid', '--password', 'pendek')).error).toMatch(
      /^Kata sandi minimal 10/,
    );
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'budi@banten.pamong.test', password: 'pendek-tapi-salah' },
    });
    expect(login.statusCode).toBe(401);
  });

  it('creates an account with a generated password that signs in (then enrols TOTP)', async () => {
    const r = await run(
      '--email',
      'Sekda@Banten.Pamong.test',
      '--name',
      'Sekretaris Daerah',
      '--agency',
      'banten',
      '--role',
      'pimpinan',
    );
    expect(r.error).toBeUndefined();
    expect(r.out[0]).toBe('Akun dibuat / account created: sekda@banten.pamong.test (pimpinan)');
    const password = r.out[1]!.replace('Kata sandi / password: ', '');
    expect(password).toMatch(/^[A-Za-z0-9_-]{16}$/);
    const agent = await loginWith(t, 'sekda@banten.pamong.test', password);
    const me = (await agent.inject({ method: 'GET', url: '/api/v1/auth/me' })).json();
    expect(me.grants).toEqual([expect.objectContaining({ role: 'pimpinan', unitId: null })]);
    const audit = await t.ctx.db
      .select({ action: auditEntries.action, actorKind: auditEntries.actorKind })
      .from(auditEntries)
      .where(eq(auditEntries.entityId, agent.userId));
    expect(audit.slice(0, 2)).toEqual([
      { action: 'user.created', actorKind: 'system:cli' },
      { action: 'user.role_granted', actorKind: 'system:cli' },
    ]);
    expect(
      (await run('--email', 'sekda@banten.pamong.test', '--name', 'Lagi', '--agency', 'banten', '--role', 'ppid'))
        .error,
    ).toMatch(/sudah dipakai/);
  });

  it('uses the given password and prints none', async () => {
    const r = await run(
      '--email',
      'ops@banten.pamong.test',
      '--name',
      'Ops',
      '--agency',
      'banten',
      '--role',
      'admin_instansi',
      '--password',
      'Rahasia-Ops-2026',
    );
    expect(r.out).toEqual(['Akun dibuat / account created: ops@banten.pamong.test (admin_instansi)']);
    await loginWith(t, 'ops@banten.pamong.test', 'Rahasia-Ops-2026');
  });
});
