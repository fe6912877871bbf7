import pino from 'pino';

/** A logger that writes nothing, for setup code outside a Fastify app. */
export const silentLogger = pino({ level: 'silent' });
