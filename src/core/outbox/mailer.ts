// Sends the outbox's e-mails: nodemailer over config.smtpUrl, or, when SMTP is not configured, one
// structured log line per mail without the recipient or the body (personal data): topic, subject and
// a short hash of the recipient, so an operator can still match a complaint about a missing mail.
import { createHash } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import nodemailer from 'nodemailer';
import type { Config } from '../../config';
import type { Mail } from './enqueue';

export interface Mailer {
  /** Resolves when the SMTP server accepted the message; rejects otherwise (the outbox retries). */
  send(mail: Mail): Promise<void>;
  close(): void;
}

/** First 16 hex digits of SHA-256 of the lower-cased address. */
export const recipientHash = (to: string) =>
  createHash('sha256').update(to.trim().toLowerCase()).digest('hex').slice(0, 16);

export function createMailer(config: Pick<Config, 'smtpUrl' | 'mailFrom'>, log: FastifyBaseLogger): Mailer {
  if (!config.smtpUrl) {
    return {
      async send(mail) {
        log.info(
          { topic: 'email', subject: mail.subject, recipientHash: recipientHash(mail.to) },
          'SMTP not configured (SMTP_URL unset): e-mail written to the log instead of sent',
        );
      },
      close() {},
    };
  }
  const transport = nodemailer.createTransport(
    {
      url: config.smtpUrl,
      // Bounded waits: the outbox holds a 5-minute lease on a message while it is being delivered.
      connectionTimeout: 30_000,
      greetingTimeout: 30_000,
      socketTimeout: 60_000,
    },
    { from: config.mailFrom },
  );
  return {
    async send(mail) {
      await transport.sendMail({ to: mail.to, subject: mail.subject, text: mail.text, html: mail.html });
    },
    close() {
      transport.close();
    },
  };
}
