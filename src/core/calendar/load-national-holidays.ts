// Loads the shipped national holiday and cuti bersama lists (data/hari-libur-*.csv, from the joint decrees
// SKB 3 Menteri) into core_holidays. Idempotent: a day already present (or removed by an administrator,
// which keeps its row) is left as it is, so a reload never undoes an administrator's change.
import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import { parseHolidayCsv } from '../../lib/working-days';
import type { Db } from '../db/client';
import { bumpCalendarToken } from './get-calendar';

const dataDir = new URL('./data/', import.meta.url);

export function readShippedHolidays() {
  return fs
    .readdirSync(dataDir)
    .filter((f) => /^hari-libur-.*\.csv$/.test(f))
    .sort()
    .flatMap((f) => parseHolidayCsv(fs.readFileSync(new URL(f, dataDir), 'utf8')));
}

export async function loadNationalHolidays(db: Db): Promise<{ added: number }> {
  const days = readShippedHolidays();
  return db.transaction(async (tx) => {
    const res = await tx.execute<{ id: string }>(sql`
      insert into core_holidays (date, agency_id, kind, name, source)
      select d.date::date, null, d.kind, d.name, 'skb'
      from json_to_recordset(${JSON.stringify(days)}::json) as d(date text, kind text, name text)
      on conflict do nothing
      returning id`);
    const added = res.rows.length;
    if (added > 0) {
      await bumpCalendarToken(tx);
    } else {
      await tx.execute(
        sql`insert into core_calendar_state (id, token) values (1, gen_random_uuid()) on conflict (id) do nothing`,
      );
    }
    return { added };
  });
}
