// TypeBox schemas of the survey routes.
import { Type } from 'typebox';
import { PERIOD_KEY_PATTERN } from './periods';
import { TOKEN_PATTERN } from './tokens';

export const TextT = Type.Object({ id: Type.String(), en: Type.String() });
export const Uuid = Type.String({ format: 'uuid' });
export const LangQuery = Type.Object({ lang: Type.Optional(Type.Union([Type.Literal('id'), Type.Literal('en')])) });
export const TokenParams = Type.Object({ token: Type.String({ pattern: TOKEN_PATTERN, maxLength: 64 }) });
export const UnitParams = Type.Object({ unitId: Uuid });
export const PeriodKey = Type.String({ pattern: PERIOD_KEY_PATTERN, maxLength: 7 });
export const Weight = Type.Union([Type.Literal('exact'), Type.Literal('0.111'), Type.Literal('0.11')]);
export const Ok = Type.Object({ ok: Type.Boolean() });

const code = <T extends string>(codes: readonly T[]) => Type.Union(codes.map((c) => Type.Literal(c)));

export const ResponseBody = Type.Object({
  answers: Type.Object(
    {
      u1: Type.Optional(Type.Integer()),
      u2: Type.Optional(Type.Integer()),
      u3: Type.Optional(Type.Integer()),
      u4: Type.Optional(Type.Integer()),
      u5: Type.Optional(Type.Integer()),
      u6: Type.Optional(Type.Integer()),
      u7: Type.Optional(Type.Integer()),
      u8: Type.Optional(Type.Integer()),
      u9: Type.Optional(Type.Integer()),
    },
    { additionalProperties: false },
  ),
  profile: Type.Optional(
    Type.Object({
      jenisKelamin: Type.Optional(code(['L', 'P'])),
      umur: Type.Optional(code(['<20', '20-29', '30-39', '40-49', '50-59', '60+'])),
      umurTahun: Type.Optional(Type.Integer({ minimum: 1, maximum: 120 })),
      pendidikan: Type.Optional(code(['SD', 'SMP', 'SMA', 'D1-D3-D4', 'S1', 'S2+'])),
      pekerjaan: Type.Optional(code(['PNS', 'TNI', 'POLRI', 'SWASTA', 'WIRAUSAHA', 'LAINNYA'])),
    }),
  ),
  suggestion: Type.Optional(Type.String({ maxLength: 2000 })),
  extra: Type.Optional(
    Type.Record(Type.String({ format: 'uuid' }), Type.Union([Type.Integer(), Type.String({ maxLength: 1000 })]), {
      maxProperties: 20,
    }),
  ),
  /** Kiosk and public link: the token of the respondent's session. */
  sessionToken: Type.Optional(Type.String({ pattern: TOKEN_PATTERN, maxLength: 64 })),
});

export const CustomQuestionT = Type.Object({
  id: Uuid,
  position: Type.Integer(),
  text: TextT,
  kind: Type.Union([Type.Literal('scale'), Type.Literal('text')]),
});

export const FormContextT = Type.Object({
  agencyName: Type.String(),
  unitId: Uuid,
  unitName: Type.String(),
  questions: Type.Array(CustomQuestionT),
});

export const SessionT = Type.Object({ sessionToken: Type.String(), expiresAt: Type.String() });

const AnswerOptionT = Type.Object({ value: Type.Integer(), label: TextT });
const OptionT = Type.Object({ code: Type.String(), label: TextT });

export const FormDefinitionT = Type.Object({
  elements: Type.Array(
    Type.Object({
      key: Type.String(),
      order: Type.Integer(),
      name: TextT,
      question: TextT,
      answers: Type.Array(AnswerOptionT),
    }),
  ),
  profile: Type.Object({
    jenisKelamin: Type.Array(OptionT),
    umur: Type.Array(OptionT),
    pendidikan: Type.Array(OptionT),
    pekerjaan: Type.Array(OptionT),
  }),
});

const ElementRowT = Type.Object({
  key: Type.String(),
  order: Type.Integer(),
  name: TextT,
  sum: Type.Integer(),
  count: Type.Integer(),
  nrr: Type.String(),
  weightedNrr: Type.String(),
  converted: Type.String(),
  mutu: Type.String(),
  lowest: Type.Boolean(),
});

export const ResultT = Type.Object({
  elements: Type.Array(ElementRowT),
  ikm: Type.String(),
  converted: Type.String(),
  mutu: Type.Object({ grade: Type.String(), kinerja: TextT }),
});

export const WeightInfoT = Type.Object({ convention: Weight, fraction: Type.String(), label: TextT });

export const ProfileT = Type.Array(
  Type.Object({
    dimension: Type.String(),
    label: TextT,
    rows: Type.Array(Type.Object({ code: Type.String(), label: TextT, count: Type.Integer() })),
    notGiven: Type.Integer(),
  }),
);

export const FollowUpT = Type.Object({
  id: Uuid,
  periodKey: Type.String(),
  element: Type.String(),
  elementName: Type.Optional(Type.Union([TextT, Type.Null()])),
  action: Type.String(),
  owner: Type.String(),
  dueDate: Type.String(),
  status: Type.String(),
});

const ScopeT = Type.Object({
  agency: Type.Object({ id: Uuid, name: Type.String() }),
  unit: Type.Union([Type.Object({ id: Uuid, name: Type.String() }), Type.Null()]),
  serviceId: Type.Union([Uuid, Type.Null()]),
});
const PeriodT = Type.Object({
  key: Type.String(),
  type: Type.String(),
  from: Type.String(),
  until: Type.String(),
  label: TextT,
});
const SampleT = Type.Object({
  population: Type.Union([Type.Integer(), Type.Null()]),
  populationSource: Type.String(),
  minimum: Type.Union([Type.Integer(), Type.Null()]),
  sufficient: Type.Union([Type.Boolean(), Type.Null()]),
});

export const ReportT = Type.Object({
  scope: ScopeT,
  period: PeriodT,
  weight: WeightInfoT,
  responses: Type.Integer(),
  result: Type.Union([ResultT, Type.Null()]),
  sample: SampleT,
  profile: ProfileT,
  questions: Type.Array(
    Type.Object({
      id: Uuid,
      text: TextT,
      kind: Type.String(),
      answers: Type.Integer(),
      average: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
  followUps: Type.Object({
    current: Type.Array(FollowUpT),
    previous: Type.Object({ periodKey: Type.String(), label: TextT, items: Type.Array(FollowUpT) }),
  }),
  suggestions: Type.Array(Type.String()),
});

export const PublishedT = Type.Object({
  scope: ScopeT,
  period: PeriodT,
  weight: WeightInfoT,
  responses: Type.Integer(),
  result: Type.Union([ResultT, Type.Null()]),
  sample: SampleT,
  profile: ProfileT,
  followUps: Type.Array(FollowUpT),
  publishedAt: Type.String(),
});

export const ReportQuery = Type.Object({
  period: PeriodKey,
  unitId: Type.Optional(Uuid),
  serviceId: Type.Optional(Uuid),
  lang: Type.Optional(Type.Union([Type.Literal('id'), Type.Literal('en')])),
});

export const TrendQuery = Type.Object({
  period: PeriodKey,
  count: Type.Optional(Type.Integer({ minimum: 1, maximum: 24, default: 6 })),
  unitId: Type.Optional(Uuid),
  serviceId: Type.Optional(Uuid),
});

export const TrendT = Type.Object({
  weight: Weight,
  points: Type.Array(
    Type.Object({
      periodKey: Type.String(),
      label: TextT,
      responses: Type.Integer(),
      ikm: Type.Union([Type.String(), Type.Null()]),
      converted: Type.Union([Type.String(), Type.Null()]),
      mutu: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
});

export const QuestionBody = Type.Object({
  textId: Type.String({ minLength: 3, maxLength: 300 }),
  textEn: Type.String({ minLength: 3, maxLength: 300 }),
  kind: Type.Union([Type.Literal('scale'), Type.Literal('text')]),
});
export const QuestionPatch = Type.Object({
  textId: Type.Optional(Type.String({ minLength: 3, maxLength: 300 })),
  textEn: Type.Optional(Type.String({ minLength: 3, maxLength: 300 })),
  kind: Type.Optional(Type.Union([Type.Literal('scale'), Type.Literal('text')])),
  active: Type.Optional(Type.Boolean()),
});
export const QuestionT = Type.Object({
  id: Uuid,
  position: Type.Integer(),
  textId: Type.String(),
  textEn: Type.String(),
  kind: Type.String(),
  active: Type.Boolean(),
});

export const KioskT = Type.Object({
  id: Uuid,
  name: Type.String(),
  active: Type.Boolean(),
  url: Type.String(),
  createdAt: Type.String(),
});

const Status = Type.Union([Type.Literal('direncanakan'), Type.Literal('berjalan'), Type.Literal('selesai')]);
const Day = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', maxLength: 10 });
export const FollowUpBody = Type.Object({
  periodKey: PeriodKey,
  element: Type.String({ minLength: 2, maxLength: 10 }),
  action: Type.String({ minLength: 3, maxLength: 1000 }),
  owner: Type.String({ minLength: 2, maxLength: 200 }),
  dueDate: Day,
  status: Type.Optional(Status),
});
export const FollowUpPatch = Type.Object({
  element: Type.Optional(Type.String({ minLength: 2, maxLength: 10 })),
  action: Type.Optional(Type.String({ minLength: 3, maxLength: 1000 })),
  owner: Type.Optional(Type.String({ minLength: 2, maxLength: 200 })),
  dueDate: Type.Optional(Day),
  status: Type.Optional(Status),
});

export const CsvResultT = Type.Object({
  responses: Type.Integer(),
  weight: WeightInfoT,
  result: ResultT,
  profile: ProfileT,
});
