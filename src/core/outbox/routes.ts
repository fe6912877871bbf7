// Routes of core/outbox, registered under /api/v1 by app.ts: the operators' view of message delivery.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../context';
import { listOutboxMessages } from './list-outbox-messages';
import { outboxScope } from './policy';
import { retryOutboxMessage } from './retry-outbox-message';

const Status = Type.Union([
  Type.Literal('pending'),
  Type.Literal('sent'),
  Type.Literal('failed'),
  Type.Literal('dead'),
]);
// Dates leave as ISO 8601 (the serialiser formats Date values of a date-time string).
const Instant = Type.Unsafe<Date>(Type.String({ format: 'date-time' }));

const OutboxMessage = Type.Object({
  id: Type.Integer(),
  topic: Type.String(),
  /** E-mails only; payloads are never shown (they can hold personal data). */
  subject: Type.Union([Type.String(), Type.Null()]),
  agencyId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]),
  status: Status,
  attempts: Type.Integer(),
  nextAttemptAt: Type.Union([Instant, Type.Null()]),
  lastError: Type.Union([Type.String(), Type.Null()]),
  createdAt: Instant,
  doneAt: Type.Union([Instant, Type.Null()]),
});

const ListQuery = Type.Object({
  status: Type.Optional(Status),
  topic: Type.Optional(Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9_.:-]+$' })),
  page: Type.Integer({ minimum: 1, maximum: 100_000, default: 1 }),
  lang: Type.Optional(Type.String({ maxLength: 2 })),
});

const IdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }) });
const LangQuery = Type.Object({ lang: Type.Optional(Type.String({ maxLength: 2 })) });

const policy = { roles: ['admin_instansi', 'platform_admin'] } as const;

const routes: FastifyPluginAsync<{ ctx: AppContext }> = async (fastify, { ctx }) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/admin/outbox',
    {
      config: { policy },
      schema: {
        tags: ['outbox'],
        summary: 'Pesan keluar (e-mail, event) dan status pengirimannya / Outbox messages and their delivery state',
        querystring: ListQuery,
        response: {
          200: Type.Object({
            items: Type.Array(OutboxMessage),
            page: Type.Integer(),
            pageSize: Type.Integer(),
            total: Type.Integer(),
          }),
        },
      },
    },
    async (req) => listOutboxMessages(ctx, outboxScope(req.actor), req.query),
  );

  app.post(
    '/admin/outbox/:id/retry',
    {
      config: { policy },
      schema: {
        tags: ['outbox'],
        summary: 'Kirim ulang pesan yang gagal / Retry a failed or dead message',
        params: IdParams,
        querystring: LangQuery,
        response: { 200: OutboxMessage },
      },
    },
    async (req) => retryOutboxMessage(ctx, req.actor, outboxScope(req.actor), req.params.id),
  );
};
export default routes;
