// What the server passes to startOutboxWorker: the configured mailer and the modules' event handlers.
import type { AppContext } from '../context';
import type { PamongModule } from '../module';
import type { OutboxHandlers } from './deliver-due-messages';
import { eventHandlersFrom } from './event-handlers';
import { createMailer } from './mailer';

export function createOutboxHandlers(ctx: AppContext, modules: readonly PamongModule[]): OutboxHandlers {
  return { mailer: createMailer(ctx.config, ctx.log), events: eventHandlersFrom(modules) };
}
