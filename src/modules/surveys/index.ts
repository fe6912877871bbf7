// The satisfaction-survey module (Survei Kepuasan Masyarakat / IKM, PermenPANRB 14/2017): its manifest
// and its public face for other code.
//   - findInvitationLink(q, transactionType, transactionId): the survey link for a tracking page.
//   - registerSurveyCommands(program): `pamong ikm compute FILE`.
//   - Events: creates one invitation per `complaints.closed` / `services.completed`.
import type { PamongModule } from '../../core/module';
import { createInvitation, readFinishedTransaction } from './create-invitation';
import routes from './routes';
import { seedSurveysDemo } from './seed-demo';
import { agencyIkmStat } from './stats';
import type { EventHandler } from '../../core/module';

export { findInvitationLink, type InvitationLink } from './find-invitation-link';
export { registerSurveyCommands } from './cli';

const onFinished: EventHandler = async (ctx, payload, q) => {
  const event = readFinishedTransaction(payload);
  if (!event) {
    ctx.log.warn('survey invitation skipped: malformed event payload');
    return;
  }
  await createInvitation(ctx, q, event);
};

export const surveysModule: PamongModule = {
  name: 'surveys',
  routes,
  seedDemo: seedSurveysDemo,
  events: { 'complaints.closed': onFinished, 'services.completed': onFinished },
  stats: { ikm: agencyIkmStat },
  postMigrationSql: [new URL('./sql/010_surveys_totals.sql', import.meta.url)],
};

export default surveysModule;
