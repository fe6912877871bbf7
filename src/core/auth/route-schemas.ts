// TypeBox schemas of the core/auth routes (request bodies bounded; responses typed).
import { Type } from 'typebox';
import { PASSWORD_MAX } from './password';
import { ROLES } from './roles';

export const Email = Type.String({ format: 'email', minLength: 3, maxLength: 254 });
export const Password = Type.String({ minLength: 1, maxLength: PASSWORD_MAX });
export const Uuid = Type.String({ format: 'uuid' });
export const RoleName = Type.Enum(ROLES);
const Token = Type.String({ minLength: 16, maxLength: 128, pattern: '^[A-Za-z0-9_-]+$' });

export const LangQuery = Type.Object({ lang: Type.Optional(Type.String({ maxLength: 2 })) });

export const User = Type.Object({
  id: Uuid,
  kind: Type.Union([Type.Literal('staff'), Type.Literal('citizen')]),
  email: Type.String(),
  name: Type.String(),
  phone: Type.Union([Type.String(), Type.Null()]),
  agencyId: Type.Union([Uuid, Type.Null()]),
  emailVerified: Type.Boolean(),
  totpEnabled: Type.Boolean(),
});

export const Grant = Type.Object({
  id: Uuid,
  role: RoleName,
  agencyId: Uuid,
  unitId: Type.Union([Uuid, Type.Null()]),
  unitName: Type.Union([Type.String(), Type.Null()]),
});

export const AdminUser = Type.Object({
  ...User.properties,
  active: Type.Boolean(),
  createdAt: Type.String({ format: 'date-time' }),
  grants: Type.Array(Grant),
});

export const LoginBody = Type.Object({ email: Email, password: Password });
export const LoginResponse = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('totp_required'), Type.Literal('totp_enrol')]),
  user: Type.Optional(User),
  csrfToken: Type.String(),
});

export const TotpEnrolResponse = Type.Object({
  otpauthUrl: Type.String(),
  secret: Type.String(),
  qrDataUrl: Type.String(),
});
export const CodeBody = Type.Object({ code: Type.String({ minLength: 6, maxLength: 32 }) });
export const TotpVerifyResponse = Type.Object({
  status: Type.Literal('ok'),
  user: User,
  csrfToken: Type.String(),
  recoveryCodes: Type.Optional(Type.Array(Type.String())),
});
export const RecoveryCodesResponse = Type.Object({ recoveryCodes: Type.Array(Type.String()) });

export const MeResponse = Type.Object({
  user: User,
  agency: Type.Union([Type.Object({ id: Uuid, slug: Type.String(), name: Type.String() }), Type.Null()]),
  grants: Type.Array(Grant),
  activeUnitId: Type.Union([Uuid, Type.Null()]),
  csrfToken: Type.String(),
});

export const ActiveUnitBody = Type.Object({ unitId: Type.Union([Uuid, Type.Null()]) });
export const ActiveUnitResponse = Type.Object({ activeUnitId: Type.Union([Uuid, Type.Null()]) });

export const EmailBody = Type.Object({ email: Email });
export const TokenBody = Type.Object({ token: Token });
export const ResetConfirmBody = Type.Object({ token: Token, password: Password });
export const RegisterBody = Type.Object({
  name: Type.String({ minLength: 2, maxLength: 120, pattern: '\\S' }),
  email: Email,
  password: Password,
  phone: Type.Optional(Type.Union([Type.String({ pattern: '^\\+?[0-9 ()-]{8,20}$', maxLength: 20 }), Type.Null()])),
});
export const Status = (s: string) => Type.Object({ status: Type.Literal(s) });

export const ListUsersQuery = Type.Object({
  agencyId: Type.Optional(Uuid),
  q: Type.Optional(Type.String({ maxLength: 100 })),
  page: Type.Integer({ minimum: 1, maximum: 100_000, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
  lang: Type.Optional(Type.String({ maxLength: 2 })),
});
export const UserPage = Type.Object({
  items: Type.Array(AdminUser),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});
export const NewGrantBody = Type.Object({ role: RoleName, unitId: Type.Union([Uuid, Type.Null()]) });
export const CreateUserBody = Type.Object({
  email: Email,
  name: Type.String({ minLength: 2, maxLength: 120, pattern: '\\S' }),
  agencyId: Type.Optional(Uuid),
  phone: Type.Optional(Type.Union([Type.String({ pattern: '^\\+?[0-9 ()-]{8,20}$', maxLength: 20 }), Type.Null()])),
  grants: Type.Array(NewGrantBody, { maxItems: 20, default: [] }),
});
export const UserParams = Type.Object({ id: Uuid });
export const GrantParams = Type.Object({ id: Uuid, grantId: Uuid });
