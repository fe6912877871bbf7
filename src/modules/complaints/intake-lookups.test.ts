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

/** Everything intake asks of the lookups about these places, agencies and categories (one query at a time:
 * a transaction is one connection). */
async function answers(l: IntakeLookups, keys: Required<IntakeKeys>, agencyIds: string[], namesake: [string, string]) {
  const each = async <K, V>(ks: readonly K[], f: (k: K) => Promise<V>) => {
    const out: V[] = [];
    for (const k of ks) out.push(await f(k));
    return out;
  };
  return {
    slugs: await each(keys.slugs, (s) => l.agencyIdBySlug(s)),
    levels: await each(keys.regionCodes, (c) => l.regionLevel(c)),
    responsible: await each(keys.regionCodes, (c) => l.responsibleAgency(c)),
    categories: await each(keys.categoryIds, (id) => l.category(id)),
    namesake: await l.categoryByCode(...namesake),
    agencies: await each(agencyIds, (id) => l.agency(id)),
    rules: await each(agencyIds, (id) => l.rules(id)),
    settings: await each(agencyIds, (id) => l.settings(id)),
    calendars: await each(agencyIds, (id) => l.calendar(id)),
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
      const responsible = [];
      for (const c of keys.regionCodes) responsible.push(await findResponsibleAgency(tx, c));
      expect(fromBatch.responsible).toEqual(responsible);
      expect(fromBatch.responsible.map((a) => a?.slug ?? null)).toEqual(['kota-serang', 'kab-pandeglang', null]);
      // Every column, as Drizzle reads it (a column added to the table must be added to the preload).
      const [row] = await tx.select().from(categories).where(eq(categories.id, sampah));
      expect(fromBatch.categories).toEqual([row, null]);
      expect(fromBatch.namesake).toMatchObject({ agencyId: serang, code: 'kebersihan.sampah', active: true });
      expect(fromBatch.agencies.map((a) => a?.id)).toEqual(agencyIds);
      expect(fromBatch.rules[0]!.length).toBeGreaterThan(0);
      for (const [i, id] of agencyIds.entries()) {
        expect(fromBatch.settings[i]).toEqual(await loadSettings(tx, id));
        expect(fromBatch.calendars[i]).toEqual(await getCalendar(tx, id));
      }
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
