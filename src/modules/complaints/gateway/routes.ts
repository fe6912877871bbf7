// POST /api/v1/complaints/inbound/:gatewayId — the signed door for SMS/WhatsApp gateways.
// Public by policy: the HMAC signature over the raw body is the gateway's credential.
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../../../core/context';
import { text } from '../../../core/i18n/messages';
import { badRequest } from '../../../core/http/errors';
import { type GatewayMessage, receiveGatewayMessage } from './receive-gateway-message';

const Params = Type.Object({ gatewayId: Type.String({ format: 'uuid' }) });
const Body = Type.Object(
  {
    messageId: Type.String({ minLength: 1, maxLength: 200 }),
    from: Type.String({ minLength: 3, maxLength: 32, pattern: '^\\+?[0-9]+$' }),
    text: Type.String({ minLength: 3, maxLength: 4000 }),
    regionCode: Type.Optional(Type.String({ pattern: '^\\d{2}\\.\\d{2}\\.\\d{2}\\.\\d{4}$' })),
  },
  { additionalProperties: false },
);
const Accepted = Type.Object({ code: Type.String(), duplicate: Type.Boolean() });

const raw = new WeakMap<FastifyRequest, string>();

const routes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  // The signature covers the exact bytes sent, so keep them beside the parsed body.
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    raw.set(req, body as string);
    try {
      done(null, JSON.parse(body as string));
    } catch {
      done(badRequest('BAD_JSON', text('JSON tidak valid.', 'Invalid JSON.')), undefined);
    }
  });
  app.post(
    '/complaints/inbound/:gatewayId',
    {
      config: { policy: { public: true } },
      schema: {
        tags: ['complaints'],
        summary: 'Pesan masuk dari gateway SMS/WhatsApp / inbound SMS or WhatsApp message (HMAC-signed)',
        params: Params,
        body: Body,
        response: { 200: Accepted, 201: Accepted },
      },
    },
    async (req, reply) => {
      const { gatewayId } = req.params as { gatewayId: string };
      const result = await receiveGatewayMessage(
        ctx,
        gatewayId,
        {
          timestamp: req.headers['x-pamong-timestamp'] as string | undefined,
          signature: req.headers['x-pamong-signature'] as string | undefined,
          rawBody: raw.get(req) ?? '',
        },
        req.body as GatewayMessage,
      );
      return reply.status(result.duplicate ? 200 : 201).send(result);
    },
  );
};
export default routes;
