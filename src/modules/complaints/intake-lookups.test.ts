// The intake's reads: one round trip for a whole batch, and the same answers as reading each key alone
// and as the services the lookups stand in for (responsible agency, settings, calendar).
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../../../test/app';
import { getCalendar } from '../../core/calendar/get-calendar';
import type { Queryable } from '../../core/db/client';
import { findResponsibleAgency } from '../../core/org/find-responsible-agency';
import { type IntakeKeys, type IntakeLookups, createIntakeLookups } from './intake-lookups';
import { categories } from './schema';
import { loadSettings } from './settings';
import { T0, agencyIdOf, categoryId } from './test-factory';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ now: T0 });
});

/** A transaction that counts the statements its driver sends (node-postgres client or PGlite session). */
function counting(tx: Queryable): { q: Queryable; count: () => number } {
  let n = 0;
  const session = (tx as unknown as { session: { client: object } }).session;
  const client = new Proxy(session.client, {
    get(target, prop) {
      const v = Reflect.get(target, prop, target);
      if (typeof v !== 'function') return v;
      return (...args: unknown[]) => {
        if (prop === 'query') n++;
        return v.apply(target, args);
      };
    },
  });
  const countingSession = new Proxy(session, {
    get: (target, prop, receiver) => (prop === 'client' ? client : Reflect.get(target, prop, receiver)),
  });
  const q = new Proxy(tx, {
    get: (target, prop, receiver) => (prop === 'session' ? countingSession : Reflect.get(target, prop, receiver)),
  });
  return { q, count: () => n };
}

/** Everything intake asks of the lookups about these places, agencies and categories. */
async function answers(l: IntakeLookups, keys: Required<IntakeKeys>, agencyIds: string[], namesake: [string, string]) {
  return {
    slugs: await Promise.all(keys.slugs.map((s) => l.agencyIdBySlug(s))),
    levels: await Promise.all(keys.regionCodes.map((c) => l.regionLevel(c))),
    responsible: await Promise.all(keys.regionCodes.map((c) => l.responsibleAgency(c))),
    categories: await Promise.all(keys.categoryIds.map((id) => l.category(id))),
    namesake: await l.categoryByCode(...namesake),
    agencies: await Promise.all(agencyIds.map((id) => l.agency(id))),
    rules: await Promise.all(agencyIds.map((id) => l.rules(id))),
    settings: await Promise.all(agencyIds.map((id) => l.settings(id))),
    calendars: await Promise.all(agencyIds.map((id) => l.calendar(id))),
  };
}

describe('intake lookups', () => {
  it('read a whole batch in one round trip, with the same answers as reading each key alone', async () => {
    const banten = await agencyIdOf(t, 'banten');
    const serang = await agencyIdOf(t, 'kota-serang');
    const pandeglang = await agencyIdOf(t, 'kab-pandeglang');
    const sampah = await categoryId(t, 'banten', 'kebersihan.sampah');
    const keys = {
      agencyIds: [banten],
      slugs: ['banten', 'tidak-ada'],
      regionCodes: ['36.73.02.1001', '36.01.01', '99.99.99.9999'],
      categoryIds: [sampah, randomUUID()],
    };
    const agencyIds = [banten, serang, pandeglang];
    const namesake: [string, string] = [serang, 'kebersihan.sampah'];
    // Calendars are cached per process: warm them, so that only the lookups' own reads are counted.
    for (const id of agencyIds) await getCalendar(t.ctx.db, id);

    await t.ctx.db.transaction(async (tx) => {
      const batch = counting(tx);
      const preloaded = createIntakeLookups(batch.q);
      await preloaded.preload(keys);
      const fromBatch = await answers(preloaded, keys, agencyIds, namesake);
      expect(batch.count()).toBe(1);

      const oneByOne = await answers(createIntakeLookups(tx), keys, agencyIds, namesake);
      expect(fromBatch).toEqual(oneByOne);

      expect(fromBatch.slugs).toEqual([banten, null]);
      expect(fromBatch.levels).toEqual([4, 3, null]);
      expect(fromBatch.responsible).toEqual(
        await Promise.all(keys.regionCodes.map((c) => findResponsibleAgency(tx, c))),
      );
      expect(fromBatch.responsible.map((a) => a?.slug ?? null)).toEqual(['kota-serang', 'kab-pandeglang', null]);
      // Every column, as Drizzle reads it (a column added to the table must be added to the preload).
      const [row] = await tx.select().from(categories).where(eq(categories.id, sampah));
      expect(fromBatch.categories).toEqual([row, null]);
      expect(fromBatch.namesake).toMatchObject({ agencyId: serang, code: 'kebersihan.sampah', active: true });
      expect(fromBatch.agencies.map((a) => a?.id)).toEqual(agencyIds);
      expect(fromBatch.rules[0]!.length).toBeGreaterThan(0);
      expect(fromBatch.settings).toEqual(await Promise.all(agencyIds.map((id) => loadSettings(tx, id))));
      expect(fromBatch.calendars).toEqual(await Promise.all(agencyIds.map((id) => getCalendar(tx, id))));
    });
  });

  it('answer an unknown agency with nothing, and refuse its calendar', async () => {
    await t.ctx.db.transaction(async (tx) => {
      const l = createIntakeLookups(tx);
      const id = randomUUID();
      expect(await l.agency(id)).toBeNull();
      expect(await l.rules(id)).toEqual([]);
      await expect(l.calendar(id)).rejects.toMatchObject({ statusCode: 404 });
    });
  });
});
