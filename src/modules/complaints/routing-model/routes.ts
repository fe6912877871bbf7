// GET /admin/complaints/:id/route-suggestion: the learned routing suggestion for one complaint, for the
// agency admin who disposes it, with the model's confidence, whether automatic assignment would apply, and
// how many past dispositions the model learnt from (with too few, its suggestions are guesses).
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../../../core/context';
import { eq } from 'drizzle-orm';
import { notFound } from '../../../core/http/errors';
import { text } from '../../../core/i18n/messages';
import { type StaffActor, assertCoordinator } from '../policy';
import { complaints } from '../schema';
import { loadSettings } from '../settings';
import { agencyModel, suggestRoute } from './suggest-route';

/** Below this many past dispositions the console says the suggestion rests on too little history. */
export const MIN_HISTORY = 30;

const Params = Type.Object({ id: Type.String({ format: 'uuid', maxLength: 36 }) });
const Suggestion = Type.Object({
  complaintId: Type.String(),
  suggestions: Type.Array(
    Type.Object({
      unitId: Type.String(),
      unitName: Type.String(),
      confidence: Type.Number(),
      confidencePercent: Type.Integer(),
    }),
  ),
  autoAssignPercent: Type.Integer(),
  wouldAutoAssign: Type.Boolean(),
  /** Past dispositions the model learnt from. */
  trainedOn: Type.Integer(),
  /** False when trainedOn is below MIN_HISTORY. */
  enoughHistory: Type.Boolean(),
});

const routes: FastifyPluginAsync<{ ctx: AppContext }> = async (plain, { ctx }) => {
  const app = plain.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/admin/complaints/:id/route-suggestion',
    {
      config: { policy: { roles: ['admin_instansi'] } },
      schema: { tags: ['complaints-console'], params: Params, response: { 200: Suggestion } },
    },
    async (req) => {
      const [row] = await ctx.db.select().from(complaints).where(eq(complaints.id, req.params.id)).limit(1);
      if (!row) throw notFound(text('Laporan tidak ditemukan.', 'Report not found.'));
      assertCoordinator(req.actor as StaffActor, row.agencyId);
      const suggestions = await suggestRoute(ctx, row.agencyId, row);
      const { trainedOn } = await agencyModel(ctx, row.agencyId); // the cached model suggestRoute just used
      const { routingAutoAssignPercent } = await loadSettings(ctx.db, row.agencyId);
      const top = suggestions[0]?.confidence ?? 0;
      return {
        complaintId: row.id,
        suggestions: suggestions.map((s) => ({ ...s, confidencePercent: Math.round(s.confidence * 100) })),
        autoAssignPercent: routingAutoAssignPercent,
        wouldAutoAssign: routingAutoAssignPercent > 0 && top * 100 >= routingAutoAssignPercent,
        trainedOn,
        enoughHistory: trainedOn >= MIN_HISTORY,
      };
    },
  );
};

export default routes;
