// Staff-facing routes (the console): inbox, detail, disposition, replies, notes, lifecycle, merge, bulk
// actions, CSV export, and the agency admin's categories, routing rules, settings and reply templates.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { AppContext } from '../../core/context';
import { badRequest } from '../../core/http/errors';
import { text } from '../../core/i18n/messages';
import { addStaffReply } from './add-staff-reply';
import { bulkAction } from './bulk-action';
import { changeStatus } from './change-status';
import { declareNotAuthority } from './declare-not-authority';
import { disposeComplaint } from './dispose-complaint';
import { exportInboxCsv } from './export-inbox-csv';
import { getComplaintDetail } from './get-complaint-detail';
import { getStats } from './get-stats';
import { listInbox } from './list-inbox';
import { createCategory, listCategories, updateCategory } from './manage-categories';
import { createReplyTemplate, listReplyTemplates } from './manage-reply-templates';
import { createRoutingRule, deleteRoutingRule, listRoutingRules } from './manage-routing-rules';
import { mergeComplaint } from './merge-complaint';
import { ADMIN_ROLES, CONSOLE_ROLES, HANDLER_ROLES, type StaffActor, assertCoordinator } from './policy';
import { presentEntry, statusLabel } from './present';
import type { ComplaintRow } from './repository';
import { rerouteComplaint } from './route-complaint';
import {
  BulkBody,
  BulkResults,
  Category,
  CategoryBody,
  CategoryPatch,
  ChangeResult,
  Detail,
  DisposeBody,
  IdParams,
  InboxPage,
  InboxQuery,
  MergeBody,
  NoteBody,
  NotAuthorityBody,
  Ok,
  RerouteBody,
  RoutingRule,
  RoutingRuleBody,
  Settings,
  SettingsBody,
  StaffReplyBody,
  StatsBody,
  StatsQuery,
  Template,
  TemplateBody,
  TransitionBody,
  VerifyBody,
} from './route-schemas';
import { loadSettings } from './settings';
import { updateSettings } from './update-settings';
import { verifyComplaint } from './verify-complaint';

const tags = ['complaints-console'];
const consolePolicy = { policy: { roles: CONSOLE_ROLES } };
const handlerPolicy = { policy: { roles: [...HANDLER_ROLES, ...ADMIN_ROLES] } };
const adminPolicy = { policy: { roles: ADMIN_ROLES } };

const staff = (req: FastifyRequest) => req.actor as StaffActor;
const activeUnit = (req: FastifyRequest) => req.session?.activeUnitId ?? null;
const changed = (r: ComplaintRow) => ({
  id: r.id,
  code: r.code,
  status: r.status,
  statusLabel: statusLabel(r.status),
  unitId: r.unitId,
  agencyId: r.agencyId,
  dueAt: r.dueAt,
});

const routes: FastifyPluginAsync<{ ctx: AppContext }> = async (plain, { ctx }) => {
  const app = plain.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/console/complaints',
    {
      config: consolePolicy,
      schema: {
        tags,
        summary: 'Kotak masuk laporan unit / the unit inbox (overdue first)',
        querystring: InboxQuery,
        response: { 200: InboxPage },
      },
    },
    async (req) => {
      const r = await listInbox(ctx, staff(req), activeUnit(req), req.query);
      return { ...r, items: r.items.map((i) => ({ ...i, statusLabel: statusLabel(i.status) })) };
    },
  );

  app.get(
    '/console/complaints/export.csv',
    {
      config: consolePolicy,
      schema: {
        tags,
        summary: 'Ekspor CSV kotak masuk (tanpa identitas pelapor) / inbox CSV export (no reporter identity)',
        querystring: InboxQuery,
        produces: ['text/csv'],
      },
    },
    async (req, reply) => {
      const csv = await exportInboxCsv(ctx, staff(req), activeUnit(req), req.query);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="laporan.csv"')
        .send(csv);
    },
  );

  app.get(
    '/console/complaints/:id',
    {
      config: consolePolicy,
      schema: {
        tags,
        summary: 'Rincian laporan dan linimasa / report detail and timeline',
        params: IdParams,
        response: { 200: Detail },
      },
    },
    async (req) => {
      const d = await getComplaintDetail(ctx, staff(req), req.params.id);
      return {
        ...d,
        statusLabel: statusLabel(d.status),
        timeline: d.timeline.map((e) => ({ ...presentEntry(e), note: e.body, visibility: e.visibility, meta: e.meta })),
      };
    },
  );

  app.post(
    '/console/complaints/:id/verify',
    {
      config: handlerPolicy,
      schema: {
        tags,
        summary: 'Verifikasi laporan / verify',
        params: IdParams,
        body: VerifyBody,
        response: { 200: ChangeResult },
      },
    },
    async (req) => changed(await verifyComplaint(ctx, staff(req), req.params.id, req.body)),
  );

  app.post(
    '/console/complaints/:id/dispose',
    {
      config: handlerPolicy,
      schema: {
        tags,
        summary: 'Disposisi ke unit (utama dan pendukung) / dispose to a lead unit and supporting units',
        params: IdParams,
        body: DisposeBody,
        response: { 200: ChangeResult },
      },
    },
    async (req) => changed(await disposeComplaint(ctx, staff(req), req.params.id, req.body)),
  );

  app.post(
    '/console/complaints/:id/not-authority',
    {
      config: handlerPolicy,
      schema: {
        tags,
        summary: 'Bukan wewenang: kembalikan ke koordinator / not ours: back to the coordinator',
        params: IdParams,
        body: NotAuthorityBody,
        response: { 200: ChangeResult },
      },
    },
    async (req) => changed(await declareNotAuthority(ctx, staff(req), req.params.id, req.body.reason)),
  );

  app.post(
    '/console/complaints/:id/reroute',
    {
      config: adminPolicy,
      schema: {
        tags,
        summary: 'Arahkan ulang ke unit atau instansi lain / re-route to a unit or another agency',
        params: IdParams,
        body: RerouteBody,
        response: { 200: ChangeResult },
      },
    },
    async (req) =>
      changed(
        await rerouteComplaint(ctx, staff(req), req.params.id, {
          agencySlug: req.body.agency,
          unitId: req.body.unitId,
          reason: req.body.reason,
        }),
      ),
  );

  app.post(
    '/console/complaints/:id/transition',
    {
      config: handlerPolicy,
      schema: {
        tags,
        summary: 'Ubah status (tindak lanjut, selesai, tunda, arsip, tutup …) / change state',
        params: IdParams,
        body: TransitionBody,
        response: { 200: ChangeResult },
      },
    },
    async (req) => changed(await changeStatus(ctx, staff(req), req.params.id, req.body)),
  );

  app.post(
    '/console/complaints/:id/replies',
    {
      config: handlerPolicy,
      schema: {
        tags,
        summary: 'Balas pelapor (boleh dari templat) / reply to the reporter',
        params: IdParams,
        body: StaffReplyBody,
        response: { 200: Ok },
      },
    },
    async (req) => addStaffReply(ctx, staff(req), req.params.id, { ...req.body, internal: false }),
  );

  app.post(
    '/console/complaints/:id/notes',
    {
      config: handlerPolicy,
      schema: {
        tags,
        summary: 'Catatan internal (tidak terlihat pelapor) / internal note',
        params: IdParams,
        body: NoteBody,
        response: { 200: Ok },
      },
    },
    async (req) => addStaffReply(ctx, staff(req), req.params.id, { body: req.body.body, internal: true }),
  );

  app.post(
    '/console/complaints/:id/merge',
    {
      config: handlerPolicy,
      schema: {
        tags,
        summary: 'Gabungkan ke laporan utama / merge into the main report',
        params: IdParams,
        body: MergeBody,
        response: { 200: ChangeResult },
      },
    },
    async (req) => changed(await mergeComplaint(ctx, staff(req), req.params.id, req.body.intoId)),
  );

  app.post(
    '/console/complaints/bulk',
    {
      config: handlerPolicy,
      schema: {
        tags,
        summary: 'Aksi massal dengan hasil per laporan / bulk action with per-item results',
        body: BulkBody,
        response: { 200: BulkResults },
      },
    },
    async (req) => {
      const b = req.body;
      const need = (what: string, en: string) =>
        badRequest('MISSING_FIELD', text(`Isian ${what} wajib untuk aksi ini.`, `${en} is required for this action.`));
      if (b.action === 'dispose' && !b.unitId) throw need('unit tujuan', 'The target unit');
      if (b.action === 'archive' && !b.message) throw need('alasan', 'A reason');
      const input =
        b.action === 'verify'
          ? { action: 'verify' as const, ids: b.ids }
          : b.action === 'dispose'
            ? { action: 'dispose' as const, ids: b.ids, unitId: b.unitId!, supportUnitIds: b.supportUnitIds }
            : { action: 'archive' as const, ids: b.ids, message: b.message! };
      return { results: await bulkAction(ctx, staff(req), input) };
    },
  );

  app.get(
    '/console/complaint-stats',
    {
      config: consolePolicy,
      schema: {
        tags,
        summary: 'Statistik pengaduan instansi / complaint statistics of the agency',
        description:
          'Laporan yang diterima dalam periode (tanggal setempat, kedua ujung termasuk) / reports received in the period (local dates, both ends included)',
        querystring: StatsQuery,
        response: { 200: StatsBody },
      },
    },
    async (req) => {
      const { from, to } = req.query;
      if (from && to && from > to) {
        throw badRequest(
          'BAD_PERIOD',
          text('Tanggal awal harus sebelum tanggal akhir.', 'The start date must not be after the end date.'),
        );
      }
      return { ...(await getStats(ctx.db, staff(req).agencyId, { from, to })) };
    },
  );

  // ---- agency admin: categories, routing rules, settings, templates --------------------------------------

  app.get(
    '/console/complaint-categories',
    {
      config: consolePolicy,
      schema: {
        tags,
        summary: 'Kategori (termasuk nonaktif) / categories incl. inactive',
        response: { 200: { type: 'array', items: Category } },
      },
    },
    async (req) => listCategories(ctx.db, staff(req).agencyId, { includeInactive: true }),
  );
  app.post(
    '/console/complaint-categories',
    {
      config: adminPolicy,
      schema: { tags, summary: 'Tambah kategori / add a category', body: CategoryBody, response: { 201: Category } },
    },
    async (req, reply) => reply.status(201).send(await createCategory(ctx, staff(req), staff(req).agencyId, req.body)),
  );
  app.patch(
    '/console/complaint-categories/:id',
    {
      config: adminPolicy,
      schema: {
        tags,
        summary: 'Ubah kategori / change a category',
        params: IdParams,
        body: CategoryPatch,
        response: { 200: Category },
      },
    },
    async (req) => updateCategory(ctx, staff(req), staff(req).agencyId, req.params.id, req.body),
  );

  app.get(
    '/console/complaint-routing-rules',
    {
      config: adminPolicy,
      schema: {
        tags,
        summary: 'Aturan pengarahan / routing rules',
        response: { 200: { type: 'array', items: RoutingRule } },
      },
    },
    async (req) => {
      assertCoordinator(staff(req), staff(req).agencyId);
      return listRoutingRules(ctx, staff(req).agencyId);
    },
  );
  app.post(
    '/console/complaint-routing-rules',
    {
      config: adminPolicy,
      schema: {
        tags,
        summary: 'Tambah aturan pengarahan / add a routing rule',
        body: RoutingRuleBody,
        response: { 201: { type: 'object', properties: { id: { type: 'string' } } } },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await createRoutingRule(ctx, staff(req), staff(req).agencyId, req.body)),
  );
  app.delete(
    '/console/complaint-routing-rules/:id',
    {
      config: adminPolicy,
      schema: {
        tags,
        summary: 'Hapus aturan pengarahan / delete a routing rule',
        params: IdParams,
        response: { 200: Ok },
      },
    },
    async (req) => {
      await deleteRoutingRule(ctx, staff(req), staff(req).agencyId, req.params.id);
      return { ok: true };
    },
  );

  app.get(
    '/console/complaint-settings',
    {
      config: consolePolicy,
      schema: {
        tags,
        summary: 'Pengaturan tenggat dan eskalasi / deadline and escalation settings',
        response: { 200: Settings },
      },
    },
    async (req) => loadSettings(ctx.db, staff(req).agencyId),
  );
  app.put(
    '/console/complaint-settings',
    {
      config: adminPolicy,
      schema: { tags, summary: 'Ubah pengaturan / change settings', body: SettingsBody, response: { 200: Settings } },
    },
    async (req) => updateSettings(ctx, staff(req), staff(req).agencyId, req.body),
  );

  app.get(
    '/console/complaint-reply-templates',
    {
      config: consolePolicy,
      schema: {
        tags,
        summary: 'Templat balasan / reply templates',
        response: { 200: { type: 'array', items: Template } },
      },
    },
    async (req) => listReplyTemplates(ctx, staff(req).agencyId),
  );
  app.post(
    '/console/complaint-reply-templates',
    {
      config: adminPolicy,
      schema: {
        tags,
        summary: 'Tambah templat balasan / add a reply template',
        body: TemplateBody,
        response: { 201: Template },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await createReplyTemplate(ctx, staff(req), staff(req).agencyId, req.body)),
  );
};

export default routes;
