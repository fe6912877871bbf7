// Routes of core/calendar, registered under /api/v1 by app.ts. Public: days off and the working-day
// calculator. Staff: platform admins edit national days, an agency's admin its own extra days off.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import { toLocalDate } from '../../lib/working-days';
import type { AppContext } from '../context';
import { agencyNotFound, findAgency } from '../org/list-agencies';
import { ORG_ADMIN_ROLES } from '../org/policy';
import { addHoliday } from './add-holiday';
import { findWorkingDeadline } from './find-working-deadline';
import { getCalendarCoverage } from './get-calendar-coverage';
import { MAX_IMPORT_ROWS, importNationalHolidays } from './import-national-holidays';
import { listHolidays } from './list-holidays';
import { removeHoliday } from './remove-holiday';
import { HOLIDAY_KINDS } from './schema';
import { TIME_ZONES } from '../org/schema';

const tags = ['calendar'];
const publicPolicy = { policy: { public: true as const } };
const adminPolicy = { policy: { roles: ORG_ADMIN_ROLES } };
const platformAdminPolicy = { policy: { roles: ['platform_admin'] as const } };

const LocalDate = Type.String({ format: 'date', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', maxLength: 10 });
const AgencySlug = Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', minLength: 2, maxLength: 60 });
const Kind = Type.Enum(HOLIDAY_KINDS);
const AgencyRef = Type.Union([Type.Object({ slug: Type.String(), name: Type.String() }), Type.Null()]);
const Day = Type.Object({ date: Type.String(), kind: Kind, name: Type.String() });
const Holiday = Type.Object({
  id: Type.String({ format: 'uuid' }),
  date: Type.String(),
  kind: Kind,
  name: Type.String(),
  agencyId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]),
  source: Type.Union([Type.Literal('skb'), Type.Literal('admin')]),
});

async function agencyBySlug(ctx: AppContext, slug: string | undefined) {
  if (slug === undefined) return null;
  const agency = await findAgency(ctx.db, { slug });
  if (!agency) throw agencyNotFound();
  return agency;
}

const routes: FastifyPluginAsync<{ ctx: AppContext }> = async (plain, { ctx }) => {
  const app = plain.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/calendar/holidays',
    {
      config: publicPolicy,
      schema: {
        tags,
        summary: 'Hari libur nasional, cuti bersama dan libur instansi / days off of a year',
        querystring: Type.Object({
          year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
          agency: Type.Optional(AgencySlug),
        }),
        response: {
          200: Type.Object({
            year: Type.Integer(),
            agency: AgencyRef,
            timeZone: Type.Enum(TIME_ZONES),
            holidays: Type.Array(Holiday),
          }),
        },
      },
    },
    async (req) => {
      const agency = await agencyBySlug(ctx, req.query.agency);
      const timeZone = agency?.timeZone ?? 'Asia/Jakarta';
      const year = req.query.year ?? Number(toLocalDate({ timeZone }, ctx.clock.now()).slice(0, 4));
      const days = await listHolidays(ctx.db, {
        from: `${year}-01-01`,
        to: `${year}-12-31`,
        agencyId: agency?.id ?? null,
      });
      return { year, agency: agency && { slug: agency.slug, name: agency.name }, timeZone, holidays: days };
    },
  );

  app.post(
    '/calendar/holidays',
    {
      config: adminPolicy,
      schema: {
        tags,
        summary: 'Tambah hari libur (nasional: admin platform; instansi: admin instansi) / add a day off',
        body: Type.Object({
          date: LocalDate,
          name: Type.String({ minLength: 1, maxLength: 200 }),
          kind: Type.Optional(Kind),
          agency: Type.Optional(AgencySlug),
        }),
        response: { 201: Holiday },
      },
    },
    async (req, reply) => reply.status(201).send(await addHoliday(ctx, req.actor, req.body)),
  );

  app.delete(
    '/calendar/holidays/:id',
    {
      config: adminPolicy,
      schema: {
        tags,
        summary: 'Hapus hari libur / remove a day off',
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
        response: { 200: Holiday },
      },
    },
    async (req) => removeHoliday(ctx, req.actor, req.params.id),
  );

  app.post(
    '/calendar/holidays/import',
    {
      config: platformAdminPolicy,
      schema: {
        tags,
        summary:
          'Muat hari libur nasional dan cuti bersama dari CSV SKB 3 Menteri (pratinjau dulu) / load national days off from a CSV (preview first)',
        body: Type.Object({
          csv: Type.String({ minLength: 1, maxLength: MAX_IMPORT_ROWS * 250 }),
          dryRun: Type.Optional(Type.Boolean()),
          replaceYears: Type.Optional(Type.Boolean()),
        }),
        response: {
          200: Type.Object({
            dryRun: Type.Boolean(),
            replaceYears: Type.Boolean(),
            years: Type.Array(Type.Integer()),
            rows: Type.Integer(),
            added: Type.Array(Day),
            restored: Type.Array(Day),
            changed: Type.Array(
              Type.Object({
                date: Type.String(),
                kind: Kind,
                name: Type.String(),
                before: Type.Object({ kind: Kind, name: Type.String() }),
              }),
            ),
            unchanged: Type.Integer(),
            removed: Type.Array(Day),
            notInFile: Type.Array(Day),
          }),
        },
      },
    },
    async (req) => importNationalHolidays(ctx, req.actor, req.body),
  );

  app.get(
    '/calendar/coverage',
    {
      config: publicPolicy,
      schema: {
        tags,
        summary:
          'Tahun yang dijangkau batas waktu dan apakah hari libur nasionalnya sudah dimuat / whether the national days off of the years deadlines reach are loaded',
        response: {
          200: Type.Object({
            today: Type.String(),
            horizon: Type.String(),
            years: Type.Array(
              Type.Object({ year: Type.Integer(), liburNasional: Type.Integer(), cutiBersama: Type.Integer() }),
            ),
            missingYears: Type.Array(Type.Integer()),
          }),
        },
      },
    },
    async () => getCalendarCoverage(ctx),
  );

  app.get(
    '/calendar/working-days',
    {
      config: publicPolicy,
      schema: {
        tags,
        summary: 'Batas waktu n hari kerja dari suatu tanggal / the deadline n working days after a date',
        querystring: Type.Object({
          agency: Type.Optional(AgencySlug),
          from: Type.Optional(LocalDate),
          days: Type.Integer({ minimum: 0, maximum: 366 }),
        }),
        response: {
          200: Type.Object({
            agency: AgencyRef,
            timeZone: Type.Enum(TIME_ZONES),
            from: Type.String(),
            days: Type.Integer(),
            deadline: Type.String({ format: 'date-time' }),
            deadlineDate: Type.String(),
            daysOff: Type.Array(Type.Object({ date: Type.String(), kind: Kind, name: Type.String() })),
            calendarCovers: Type.Boolean(),
          }),
        },
      },
    },
    async (req) => {
      const agency = await agencyBySlug(ctx, req.query.agency);
      const result = await findWorkingDeadline(ctx, {
        agencyId: agency?.id ?? null,
        from: req.query.from,
        days: req.query.days,
      });
      return {
        ...result,
        deadline: result.deadline.toISOString(),
        agency: agency && { slug: agency.slug, name: agency.name },
      };
    },
  );
};
export default routes;
