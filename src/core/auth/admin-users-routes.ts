// The users admin (/api/v1/admin/users…): admin_instansi for its own agency, platform_admin for any.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../context';
import { createStaffUser } from './create-staff-user';
import { grantRole } from './grant-role';
import { listUsers } from './list-users';
import type { StaffActor } from './policy';
import { resetUserTotp } from './reset-user-totp';
import { revokeGrant } from './revoke-grant';
import {
  AdminUser,
  CreateUserBody,
  Grant,
  GrantParams,
  LangQuery,
  ListUsersQuery,
  NewGrantBody,
  UserPage,
  UserParams,
} from './route-schemas';
import { setUserActive } from './set-user-active';

const policy = { roles: ['admin_instansi', 'platform_admin'] } as const;
const tags = ['users'];

const routes: FastifyPluginAsync<{ ctx: AppContext }> = async (fastify, { ctx }) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const staff = (actor: unknown) => actor as StaffActor;

  app.get(
    '/admin/users',
    {
      config: { policy },
      schema: {
        tags,
        summary: 'Daftar pengguna staf instansi / Staff users of an agency',
        querystring: ListUsersQuery,
        response: { 200: UserPage },
      },
    },
    async (req) => listUsers(ctx, staff(req.actor), req.query),
  );

  app.post(
    '/admin/users',
    {
      config: { policy },
      schema: {
        tags,
        summary: 'Buat pengguna staf (undangan dikirim lewat e-mail) / Create a staff user (invited by e-mail)',
        querystring: LangQuery,
        body: CreateUserBody,
        response: { 201: AdminUser },
      },
    },
    async (req, reply) => reply.status(201).send(await createStaffUser(ctx, staff(req.actor), req.body)),
  );

  app.post(
    '/admin/users/:id/deactivate',
    {
      config: { policy },
      schema: {
        tags,
        summary: 'Nonaktifkan pengguna / Deactivate a user',
        params: UserParams,
        querystring: LangQuery,
        response: { 200: AdminUser },
      },
    },
    async (req) => setUserActive(ctx, staff(req.actor), req.params.id, false),
  );

  app.post(
    '/admin/users/:id/reactivate',
    {
      config: { policy },
      schema: {
        tags,
        summary: 'Aktifkan kembali pengguna / Reactivate a user',
        params: UserParams,
        querystring: LangQuery,
        response: { 200: AdminUser },
      },
    },
    async (req) => setUserActive(ctx, staff(req.actor), req.params.id, true),
  );

  app.post(
    '/admin/users/:id/totp-reset',
    {
      config: { policy },
      schema: {
        tags,
        summary: "Atur ulang autentikator pengguna / Reset a user's authenticator",
        params: UserParams,
        querystring: LangQuery,
        response: { 204: { type: 'null' } },
      },
    },
    async (req, reply) => {
      await resetUserTotp(ctx, staff(req.actor), req.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/admin/users/:id/grants',
    {
      config: { policy },
      schema: {
        tags,
        summary: 'Beri peran di unit atau seluruh instansi / Grant a role in a unit or agency-wide',
        params: UserParams,
        querystring: LangQuery,
        body: NewGrantBody,
        response: { 201: Grant },
      },
    },
    async (req, reply) => reply.status(201).send(await grantRole(ctx, staff(req.actor), req.params.id, req.body)),
  );

  app.delete(
    '/admin/users/:id/grants/:grantId',
    {
      config: { policy },
      schema: {
        tags,
        summary: 'Cabut peran / Revoke a role',
        params: GrantParams,
        querystring: LangQuery,
        response: { 204: { type: 'null' } },
      },
    },
    async (req, reply) => {
      await revokeGrant(ctx, staff(req.actor), req.params.id, req.params.grantId);
      return reply.status(204).send(null);
    },
  );
};
export default routes;
