// TypeBox schemas of the services routes.
import { Type } from 'typebox';
import { Bilingual, ServiceDefinitionSchema, ServiceStandardSchema, FormFieldSchema } from './definition';

export const Uuid = Type.String({ format: 'uuid' });
export const IdParams = Type.Object({ id: Uuid });
export const LangQuery = Type.Object({ lang: Type.Optional(Type.String({ maxLength: 2 })) });
export const TrackingParams = Type.Object({ code: Type.String({ pattern: '^[A-Za-z0-9-]{4,20}$', maxLength: 20 }) });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Iso = Type.String({ maxLength: 40 });
const TextOut = Type.Object({ id: Type.String(), en: Type.String() });

export const CatalogueQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 100 })),
  agency: Type.Optional(Type.String({ maxLength: 60, pattern: '^[a-z0-9-]+$' })),
  unitId: Type.Optional(Uuid),
  limit: Type.Integer({ minimum: 1, maximum: 100, default: 50 }),
  offset: Type.Integer({ minimum: 0, maximum: 100_000, default: 0 }),
  lang: Type.Optional(Type.String({ maxLength: 2 })),
});

const Record = Type.Object({
  submitted: Type.Integer(),
  finished: Type.Integer(),
  onTime: Type.Integer(),
  onTimePct: Nullable(Type.Number()),
});

const CatalogueItemProps = {
  id: Uuid,
  code: Type.String(),
  name: Type.String(),
  summary: Type.String(),
  agencySlug: Type.String(),
  agencyName: Type.String(),
  unitId: Uuid,
  unitName: Type.String(),
  version: Type.Integer(),
  feeRupiah: Type.Integer(),
  durationDays: Type.Integer(),
  record: Record,
};
export const CatalogueList = Type.Object({ total: Type.Integer(), items: Type.Array(Type.Object(CatalogueItemProps)) });

export const StepOut = Type.Object({
  index: Type.Integer(),
  name: Bilingual,
  role: Type.String(),
  roleLabel: TextOut,
  unitId: Uuid,
  unitName: Type.String(),
  days: Type.Integer(),
  state: Type.Optional(Type.String()),
});

export const CatalogueService = Type.Object({
  ...CatalogueItemProps,
  agencyId: Uuid,
  active: Type.Boolean(),
  versionId: Uuid,
  publishedAt: Type.Unsafe<Date>(Iso),
  standard: ServiceStandardSchema,
  form: Type.Array(FormFieldSchema),
  steps: Type.Array(StepOut),
});

const ValueSchema = Type.Union([Type.String({ maxLength: 2000 }), Type.Number(), Type.Null()]);
export const Values = Type.Record(Type.String({ maxLength: 40 }), ValueSchema, { maxProperties: 40 });
export const FileClaims = Type.Record(
  Type.String({ maxLength: 40 }),
  Type.Object({ id: Uuid, claimToken: Type.String({ minLength: 1, maxLength: 100 }) }),
  { maxProperties: 20 },
);

export const CreateApplicationBody = Type.Object({
  serviceId: Uuid,
  applicant: Type.Optional(
    Type.Object({
      name: Type.String({ minLength: 2, maxLength: 120 }),
      email: Type.Optional(Type.Union([Type.String({ format: 'email', maxLength: 200 }), Type.Literal('')])),
    }),
  ),
  values: Type.Optional(Values),
  files: Type.Optional(FileClaims),
  submit: Type.Boolean({ default: false }),
});
export const CreatedApplication = Type.Object({
  id: Uuid,
  trackingCode: Type.String(),
  accessToken: Nullable(Type.String()),
  status: Type.String(),
});
export const ChangesBody = Type.Object({ values: Type.Optional(Values), files: Type.Optional(FileClaims) });
export const TokenHeaders = Type.Object({ 'x-application-token': Type.Optional(Type.String({ maxLength: 100 })) });

export const ApplicationOut = Type.Object({
  id: Uuid,
  trackingCode: Type.String(),
  status: Type.String(),
  agencyId: Uuid,
  unitId: Uuid,
  service: Type.Object({ id: Uuid, name: Type.String(), code: Type.String(), version: Type.Integer() }),
  feeRupiah: Type.Integer(),
  durationDays: Type.Integer(),
  form: Type.Array(FormFieldSchema),
  data: Type.Record(Type.String(), ValueSchema),
  files: Type.Array(Type.Object({ id: Uuid, name: Type.String(), mime: Type.String(), size: Type.Integer() })),
  steps: Type.Array(StepOut),
  stepIndex: Type.Integer(),
  returnedFields: Type.Array(Type.Object({ key: Type.String(), note: Type.String() })),
  returnNote: Nullable(Type.String()),
  rejectReason: Nullable(Type.String()),
  deadlineAt: Nullable(Iso),
  stepDeadlineAt: Nullable(Iso),
  submittedAt: Nullable(Iso),
  completedAt: Nullable(Iso),
  onTime: Nullable(Type.Boolean()),
  applicant: Type.Object({ name: Type.String(), email: Nullable(Type.String()), hasAccount: Type.Boolean() }),
  payment: Nullable(
    Type.Object({
      code: Type.String(),
      amountRupiah: Type.Integer(),
      status: Type.String(),
      instructions: TextOut,
      paidAt: Nullable(Iso),
    }),
  ),
  document: Nullable(
    Type.Object({
      id: Uuid,
      number: Type.String(),
      issuedAt: Iso,
      revoked: Type.Boolean(),
      revokeReason: Nullable(Type.String()),
    }),
  ),
  events: Type.Array(
    Type.Object({
      action: Type.String(),
      stepIndex: Nullable(Type.Integer()),
      at: Iso,
      note: Nullable(Type.String()),
      actorName: Nullable(Type.String()),
      workingDays: Nullable(Type.Integer()),
    }),
  ),
});

export const TrackOut = Type.Object({
  trackingCode: Type.String(),
  serviceName: Type.String(),
  status: Type.String(),
  stepIndex: Type.Integer(),
  steps: Type.Array(StepOut),
  submittedAt: Nullable(Iso),
  deadlineAt: Nullable(Iso),
  completedAt: Nullable(Iso),
  documentId: Nullable(Uuid),
});

export const MyApplications = Type.Array(
  Type.Object({
    id: Uuid,
    trackingCode: Type.String(),
    serviceName: Type.String(),
    status: Type.String(),
    submittedAt: Nullable(Iso),
    updatedAt: Iso,
  }),
);

export const PaymentBody = Type.Object({
  amountRupiah: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000_000 })),
});
export const PaymentOut = Type.Object({
  code: Type.String(),
  amountRupiah: Type.Integer(),
  status: Type.String(),
  instructions: TextOut,
});
export const SimulateBody = Type.Object({ paymentCode: Type.String({ pattern: '^[0-9]{6,20}$', maxLength: 20 }) });
export const WebhookOut = Type.Object({ status: Type.String(), applicationStatus: Type.String() });

const IssuedOut = Type.Object({
  id: Uuid,
  number: Type.String(),
  serviceName: Type.String(),
  holderName: Type.String(),
  agencyName: Type.String(),
  unitName: Type.String(),
  issuedAt: Iso,
  contentDigest: Type.String(),
  fileSha256: Type.String(),
  revokedAt: Nullable(Iso),
  revokeReason: Nullable(Type.String()),
});
export const VerificationOut = Type.Object({ status: Type.String(), document: Nullable(IssuedOut) });
export const FileCheckOut = Type.Object({
  status: Type.String(),
  reasons: Type.Array(Type.Object({ code: Type.String(), message: TextOut })),
  uploadedSha256: Type.String(),
  uploadedContentDigest: Nullable(Type.String()),
  issued: Nullable(IssuedOut),
});
export const ContentCheckBody = Type.Object({
  content: Type.Record(Type.String({ maxLength: 40 }), Type.Unknown(), { maxProperties: 20 }),
});
export const ContentCheckOut = Type.Object({
  status: Type.String(),
  contentDigest: Type.String(),
  issued: Nullable(IssuedOut),
});

// Staff
export const ServiceBody = Type.Object({
  unitId: Uuid,
  code: Type.String({ pattern: '^[A-Z0-9-]{2,16}$', maxLength: 16 }),
  name: Type.String({ minLength: 3, maxLength: 200 }),
  summary: Type.String({ maxLength: 1000, default: '' }),
  definition: ServiceDefinitionSchema,
});
export const VersionBody = Type.Object({
  name: Type.Optional(Type.String({ minLength: 3, maxLength: 200 })),
  summary: Type.Optional(Type.String({ maxLength: 1000 })),
  definition: ServiceDefinitionSchema,
});
export const Published = Type.Object({ id: Uuid, version: Type.Integer() });
export const AdminServiceList = Type.Array(
  Type.Object({
    id: Uuid,
    code: Type.String(),
    name: Type.String(),
    unitId: Uuid,
    unitName: Type.String(),
    version: Type.Integer(),
    active: Type.Boolean(),
  }),
);

export const QueueQuery = Type.Object({
  serviceId: Type.Optional(Uuid),
  unitId: Type.Optional(Uuid),
  status: Type.Optional(
    Type.Union([
      Type.Literal('draft'),
      Type.Literal('in_review'),
      Type.Literal('returned'),
      Type.Literal('awaiting_payment'),
      Type.Literal('completed'),
      Type.Literal('rejected'),
    ]),
  ),
  mine: Type.Optional(Type.Boolean()),
  overdue: Type.Optional(Type.Boolean()),
  limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
  offset: Type.Integer({ minimum: 0, maximum: 100_000, default: 0 }),
  lang: Type.Optional(Type.String({ maxLength: 2 })),
});
export const QueueOut = Type.Object({
  total: Type.Integer(),
  items: Type.Array(
    Type.Object({
      id: Uuid,
      trackingCode: Type.String(),
      status: Type.String(),
      serviceId: Uuid,
      serviceName: Type.String(),
      applicantName: Type.String(),
      stepIndex: Type.Integer(),
      stepName: Bilingual,
      stepRole: Type.String(),
      stepUnitId: Uuid,
      stepUnitName: Type.String(),
      stepCount: Type.Integer(),
      submittedAt: Nullable(Iso),
      deadlineAt: Nullable(Iso),
      stepDeadlineAt: Nullable(Iso),
      overdue: Type.Boolean(),
      mine: Type.Boolean(),
    }),
  ),
});

const Note = Type.String({ minLength: 1, maxLength: 2000 });
export const ActionBody = Type.Union([
  Type.Object({
    action: Type.Literal('approve'),
    stepIndex: Type.Integer({ minimum: 0, maximum: 20 }),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
  }),
  Type.Object({
    action: Type.Literal('return'),
    stepIndex: Type.Integer({ minimum: 0, maximum: 20 }),
    note: Note,
    fields: Type.Array(Type.Object({ key: Type.String({ maxLength: 40 }), note: Type.String({ maxLength: 500 }) }), {
      minItems: 1,
      maxItems: 40,
    }),
  }),
  Type.Object({ action: Type.Literal('reject'), stepIndex: Type.Integer({ minimum: 0, maximum: 20 }), reason: Note }),
]);
export const BulkBody = Type.Object({
  ids: Type.Array(Uuid, { minItems: 1, maxItems: 100, uniqueItems: true }),
  action: Type.Union([Type.Literal('approve'), Type.Literal('reject')]),
  stepIndex: Type.Integer({ minimum: 0, maximum: 20 }),
  reason: Type.Optional(Note),
  note: Type.Optional(Type.String({ maxLength: 2000 })),
});
export const BulkOut = Type.Object({ done: Type.Integer() });
export const RevokeBody = Type.Object({ reason: Type.String({ minLength: 5, maxLength: 1000 }) });
export const StatsQuery = Type.Object({
  agencyId: Type.Optional(Uuid),
  serviceId: Type.Optional(Uuid),
  lang: Type.Optional(Type.String({ maxLength: 2 })),
});
export const StatsOut = Type.Array(
  Type.Object({
    serviceId: Uuid,
    name: Type.String(),
    submitted: Type.Integer(),
    inReview: Type.Integer(),
    returned: Type.Integer(),
    awaitingPayment: Type.Integer(),
    completed: Type.Integer(),
    rejected: Type.Integer(),
    finished: Type.Integer(),
    onTime: Type.Integer(),
    onTimePct: Nullable(Type.Number()),
    steps: Type.Array(
      Type.Object({
        index: Type.Integer(),
        name: Bilingual,
        days: Type.Integer(),
        approvals: Type.Integer(),
        medianWorkingDays: Nullable(Type.Number()),
      }),
    ),
  }),
);
export const Ok = Type.Object({ ok: Type.Boolean() });
