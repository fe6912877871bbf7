// Demo data: a kiosk and one added question at the demo unit, and responses for the last three months,
// so the report, trend and public pages have something to show.
import { sql } from 'drizzle-orm';
import type { SeedContext } from '../../core/module';
import { loadAgencyInfo } from './agency-info';
import { dayIn, shiftPeriod, periodContaining } from './periods';
import { surveyKiosks, surveyQuestions } from './schema';
import { newLinkToken } from './tokens';

const DEMO_UNIT = 'banten/Dinas Pekerjaan Umum dan Penataan Ruang';

export async function seedSurveysDemo(ctx: SeedContext): Promise<void> {
  const unitId = ctx.units.get(DEMO_UNIT);
  const agencyId = ctx.agencies.get('banten');
  if (!unitId || !agencyId) return;
  const now = ctx.clock.now();
  const agency = await loadAgencyInfo(ctx.db, agencyId);
  const thisMonth = periodContaining('month', dayIn(now, agency.timeZone));
  const first = shiftPeriod(thisMonth, -2);
  await ctx.db
    .insert(surveyKiosks)
    .values({ agencyId, unitId, name: 'Loket pelayanan 1', token: newLinkToken(), createdAt: now });
  await ctx.db.insert(surveyQuestions).values({
    agencyId,
    unitId,
    position: 1,
    textId: 'Bagaimana pendapat Saudara tentang kebersihan ruang tunggu?',
    textEn: 'How clean was the waiting room?',
    kind: 'scale',
    createdAt: now,
  });
  // 90 responses spread over three months: deterministic, mostly 3 and 4, element u3 weakest.
  await ctx.db.execute(sql`
    insert into surveys_responses (agency_id, unit_id, channel, submitted_on, u1, u2, u3, u4, u5, u6, u7, u8, u9,
                                   jenis_kelamin, umur, pendidikan, pekerjaan)
    select ${agencyId}, ${unitId}, case when g % 3 = 0 then 'kiosk' else 'invitation' end,
           ${first.from}::date + (g % 88),
           3 + (g % 2), 3 + ((g / 2) % 2), 2 + (g % 3 / 2), 4, 3 + ((g / 3) % 2), 3 + ((g / 5) % 2), 4 - (g % 7 / 6), 3, 3 + ((g / 4) % 2),
           (array['L','P'])[1 + g % 2], (array['20-29','30-39','40-49','50-59'])[1 + g % 4],
           (array['SMA','S1','D1-D3-D4'])[1 + g % 3], (array['SWASTA','WIRAUSAHA','PNS','LAINNYA'])[1 + g % 4]
    from generate_series(1, 90) g
    where ${first.from}::date + (g % 88) <= ${dayIn(now, agency.timeZone)}::date`);
}
