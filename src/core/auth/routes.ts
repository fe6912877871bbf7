// Routes of core/auth, registered under /api/v1 by app.ts: sign-in with a second factor for staff,
// citizen registration, password reset, and (admin-users-routes.ts) the users admin.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { AppContext } from '../context';
import { AppError, unauthorized } from '../http/errors';
import { text } from '../i18n/messages';
import adminUsersRoutes from './admin-users-routes';
import { confirmPasswordReset } from './confirm-password-reset';
import { describeSession } from './describe-session';
import { enrolTotp } from './enrol-totp';
import { logIn } from './log-in';
import type { StaffActor } from './policy';
import { RateLimiter, tooManyRequests } from './rate-limit';
import { regenerateRecoveryCodes } from './regenerate-recovery-codes';
import { registerCitizen } from './register-citizen';
import { requestPasswordReset } from './request-password-reset';
import { ROLES } from './roles';
import {
  ActiveUnitBody,
  ActiveUnitResponse,
  CodeBody,
  EmailBody,
  LoginBody,
  LoginResponse,
  MeResponse,
  RecoveryCodesResponse,
  RegisterBody,
  ResetConfirmBody,
  Status,
  TokenBody,
  TotpEnrolResponse,
  TotpVerifyResponse,
} from './route-schemas';
import { type SessionState, destroySession } from './session';
import { clearSessionCookie, setSessionCookie } from './session-cookie';
import { setActiveUnit } from './set-active-unit';
import { toUserView } from './user-queries';
import { verifyEmail, resendVerification } from './verify-email';
import { verifyTotp } from './verify-totp';

/** Sign-in attempts per client address per minute. */
export const LOGIN_RATE_PER_MINUTE = 20;
/** Requests that send an e-mail (reset, registration, new verification link) per client address per minute. */
export const MAIL_RATE_PER_MINUTE = 10;

const anyStaff = { roles: ROLES } as const;
const tags = ['auth'];

/** A staff session still waiting for its second factor (the TOTP routes are public and check this themselves). */
function secondFactorSession(req: FastifyRequest): SessionState {
  const s = req.session;
  if (s?.user.kind !== 'staff') throw unauthorized();
  return s;
}

const routes: FastifyPluginAsync<{ ctx: AppContext }> = async (fastify, { ctx }) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const loginLimiter = new RateLimiter(ctx.clock, LOGIN_RATE_PER_MINUTE, 60_000);
  const mailLimiter = new RateLimiter(ctx.clock, MAIL_RATE_PER_MINUTE, 60_000);
  const limit = (limiter: RateLimiter, req: FastifyRequest) => {
    const wait = limiter.hit(req.ip);
    if (wait) throw tooManyRequests(wait);
  };

  app.post(
    '/auth/login',
    {
      config: { policy: { public: true } },
      schema: {
        tags,
        summary: 'Masuk dengan e-mail dan kata sandi / Sign in with e-mail and password',
        body: LoginBody,
        response: { 200: LoginResponse },
      },
    },
    async (req, reply) => {
      limit(loginLimiter, req);
      const r = await logIn(ctx, { ...req.body, previousSessionId: req.session?.sessionId });
      setSessionCookie(reply, ctx.config, r.token);
      return { status: r.status, csrfToken: r.csrfToken, ...(r.user ? { user: r.user } : {}) };
    },
  );

  app.post(
    '/auth/logout',
    {
      config: { policy: { public: true } },
      schema: { tags, summary: 'Keluar / Sign out', response: { 204: { type: 'null' } } },
    },
    async (req, reply) => {
      if (req.session) await destroySession(ctx.db, req.session.sessionId);
      clearSessionCookie(reply, ctx.config);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/auth/me',
    {
      config: { policy: { public: true } },
      schema: { tags, summary: 'Akun yang sedang masuk / The signed-in account', response: { 200: MeResponse } },
    },
    async (req) => {
      const s = req.session;
      if (!s) throw unauthorized();
      if (!s.mfaPassed) {
        throw new AppError(
          401,
          'MFA_REQUIRED',
          text('Selesaikan verifikasi dua langkah terlebih dahulu.', 'Complete two-step verification first.'),
          { status: s.user.totpEnabledAt ? 'totp_required' : 'totp_enrol', csrfToken: s.csrfToken },
        );
      }
      return describeSession(ctx, s);
    },
  );

  app.post(
    '/auth/totp/enrol',
    {
      config: { policy: { public: true } },
      schema: {
        tags,
        summary:
          'Daftarkan aplikasi autentikator (masuk pertama staf) / Set up an authenticator app (first staff sign-in)',
        response: { 200: TotpEnrolResponse },
      },
    },
    async (req) => enrolTotp(ctx, secondFactorSession(req)),
  );

  app.post(
    '/auth/totp/verify',
    {
      config: { policy: { public: true } },
      schema: {
        tags,
        summary: 'Verifikasi kode autentikator atau kode pemulihan / Verify an authenticator or recovery code',
        body: CodeBody,
        response: { 200: TotpVerifyResponse },
      },
    },
    async (req) => {
      const s = secondFactorSession(req);
      const r = await verifyTotp(ctx, s, req.body.code);
      const user = toUserView({ ...s.user, totpEnabledAt: s.user.totpEnabledAt ?? ctx.clock.now() });
      return { status: 'ok' as const, user, csrfToken: s.csrfToken, ...r };
    },
  );

  app.post(
    '/auth/totp/recovery-codes',
    {
      config: { policy: anyStaff },
      schema: {
        tags,
        summary: 'Buat kode pemulihan baru / Replace the recovery codes',
        body: CodeBody,
        response: { 200: RecoveryCodesResponse },
      },
    },
    async (req) => regenerateRecoveryCodes(ctx, req.actor as StaffActor, req.body.code),
  );

  app.post(
    '/auth/active-unit',
    {
      config: { policy: anyStaff },
      schema: {
        tags,
        summary: 'Pilih unit kerja aktif / Choose the unit to work in',
        body: ActiveUnitBody,
        response: { 200: ActiveUnitResponse },
      },
    },
    async (req) => setActiveUnit(ctx, req.actor as StaffActor, req.body.unitId),
  );

  app.post(
    '/auth/password-reset/request',
    {
      config: { policy: { public: true } },
      schema: {
        tags,
        summary: 'Minta tautan atur ulang kata sandi / Ask for a password reset link',
        body: EmailBody,
        response: { 202: Status('accepted') },
      },
    },
    async (req, reply) => {
      limit(mailLimiter, req);
      await requestPasswordReset(ctx, req.body.email);
      return reply.status(202).send({ status: 'accepted' });
    },
  );

  app.post(
    '/auth/password-reset/confirm',
    {
      config: { policy: { public: true } },
      schema: {
        tags,
        summary: 'Atur kata sandi baru dari tautan / Set a new password from a link',
        body: ResetConfirmBody,
        response: { 200: Status('ok') },
      },
    },
    async (req) => {
      limit(loginLimiter, req);
      await confirmPasswordReset(ctx, req.body);
      return { status: 'ok' as const };
    },
  );

  app.post(
    '/auth/register',
    {
      config: { policy: { public: true } },
      schema: {
        tags,
        summary: 'Daftar akun warga / Register a citizen account',
        body: RegisterBody,
        response: { 202: Status('verification_sent') },
      },
    },
    async (req, reply) => {
      limit(mailLimiter, req);
      await registerCitizen(ctx, req.body);
      return reply.status(202).send({ status: 'verification_sent' });
    },
  );

  app.post(
    '/auth/verify-email',
    {
      config: { policy: { public: true } },
      schema: {
        tags,
        summary: 'Verifikasi alamat e-mail / Verify an e-mail address',
        body: TokenBody,
        response: { 200: Status('ok') },
      },
    },
    async (req) => {
      await verifyEmail(ctx, req.body.token);
      return { status: 'ok' as const };
    },
  );

  app.post(
    '/auth/verify-email/resend',
    {
      config: { policy: { public: true } },
      schema: {
        tags,
        summary: 'Kirim ulang tautan verifikasi / Send the verification link again',
        body: EmailBody,
        response: { 202: Status('accepted') },
      },
    },
    async (req, reply) => {
      limit(mailLimiter, req);
      await resendVerification(ctx, req.body.email);
      return reply.status(202).send({ status: 'accepted' });
    },
  );

  await app.register(adminUsersRoutes, { ctx });
};
export default routes;
