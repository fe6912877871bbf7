// What an agency publishes for a service: its Standar Pelayanan (PermenPANRB 15/2014, every component),
// its application form and its workflow. TypeBox schemas double as the API's and the stored shape.
import { type Static, Type } from 'typebox';

const Str = (max: number, min = 1) => Type.String({ minLength: min, maxLength: max });
const Lines = (max = 30) => Type.Array(Str(1000), { minItems: 1, maxItems: max });
export const Bilingual = Type.Object({ id: Str(200), en: Str(200) });

/** The 14 components of a service standard: 6 on service delivery, 8 on its management. */
export const ServiceStandardSchema = Type.Object({
  // Komponen penyampaian pelayanan (service delivery)
  persyaratan: Lines(),
  prosedur: Lines(),
  jangkaWaktu: Str(500),
  biaya: Str(500),
  produk: Lines(10),
  pengaduan: Lines(10),
  // Komponen pengelolaan pelayanan (management)
  dasarHukum: Lines(),
  sarana: Lines(),
  kompetensiPelaksana: Lines(),
  pengawasanInternal: Lines(10),
  jumlahPelaksana: Str(500),
  jaminanPelayanan: Str(2000),
  jaminanKeamanan: Str(2000),
  evaluasiKinerja: Str(2000),
});
export type ServiceStandard = Static<typeof ServiceStandardSchema>;

/** Labels of the components, in the order PermenPANRB 15/2014 lists them. */
export const STANDARD_LABELS: Record<
  keyof ServiceStandard,
  { id: string; en: string; part: 'delivery' | 'management' }
> = {
  persyaratan: { id: 'Persyaratan', en: 'Requirements', part: 'delivery' },
  prosedur: { id: 'Sistem, mekanisme, dan prosedur', en: 'System, mechanism and procedure', part: 'delivery' },
  jangkaWaktu: { id: 'Jangka waktu penyelesaian', en: 'Completion time', part: 'delivery' },
  biaya: { id: 'Biaya/tarif', en: 'Fee', part: 'delivery' },
  produk: { id: 'Produk pelayanan', en: 'Service product', part: 'delivery' },
  pengaduan: {
    id: 'Penanganan pengaduan, saran, dan masukan',
    en: 'Complaints, suggestions and feedback',
    part: 'delivery',
  },
  dasarHukum: { id: 'Dasar hukum', en: 'Legal basis', part: 'management' },
  sarana: { id: 'Sarana, prasarana, dan/atau fasilitas', en: 'Facilities and infrastructure', part: 'management' },
  kompetensiPelaksana: { id: 'Kompetensi pelaksana', en: 'Staff competence', part: 'management' },
  pengawasanInternal: { id: 'Pengawasan internal', en: 'Internal supervision', part: 'management' },
  jumlahPelaksana: { id: 'Jumlah pelaksana', en: 'Number of staff', part: 'management' },
  jaminanPelayanan: { id: 'Jaminan pelayanan', en: 'Service guarantee', part: 'management' },
  jaminanKeamanan: {
    id: 'Jaminan keamanan dan keselamatan pelayanan',
    en: 'Security and safety guarantee',
    part: 'management',
  },
  evaluasiKinerja: { id: 'Evaluasi kinerja pelaksana', en: 'Staff performance evaluation', part: 'management' },
};

export const FIELD_TYPES = ['text', 'number', 'date', 'choice', 'region', 'nik', 'nib', 'file'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];
export const FILE_MIMES = ['application/pdf', 'image/jpeg', 'image/png', 'image/webp'] as const;

export const FormFieldSchema = Type.Object({
  /** Stable key, e.g. 'nik_pemohon'. */
  key: Type.String({ pattern: '^[a-z][a-z0-9_]{0,39}$', maxLength: 40 }),
  label: Bilingual,
  type: Type.Union([
    Type.Literal('text'),
    Type.Literal('number'),
    Type.Literal('date'),
    Type.Literal('choice'),
    Type.Literal('region'),
    Type.Literal('nik'),
    Type.Literal('nib'),
    Type.Literal('file'),
  ]),
  required: Type.Boolean(),
  help: Type.Optional(Bilingual),
  /** text: maximum length (default 500). */
  maxLength: Type.Optional(Type.Integer({ minimum: 1, maximum: 2000 })),
  /** number: bounds. */
  min: Type.Optional(Type.Number()),
  max: Type.Optional(Type.Number()),
  /** choice: the allowed values. */
  options: Type.Optional(Type.Array(Type.Object({ value: Str(100), label: Bilingual }), { minItems: 1, maxItems: 50 })),
  /** file: allowed types and the largest size. */
  allowedTypes: Type.Optional(
    Type.Array(
      Type.Union([
        Type.Literal('application/pdf'),
        Type.Literal('image/jpeg'),
        Type.Literal('image/png'),
        Type.Literal('image/webp'),
      ]),
      { minItems: 1, maxItems: 4 },
    ),
  ),
  maxSizeKb: Type.Optional(Type.Integer({ minimum: 1, maximum: 102_400 })),
});
export type FormField = Static<typeof FormFieldSchema>;

export const STEP_ROLES = ['operator_unit', 'kepala_unit', 'admin_instansi'] as const;
export type StepRole = (typeof STEP_ROLES)[number];

export const WorkflowStepSchema = Type.Object({
  name: Bilingual,
  role: Type.Union([Type.Literal('operator_unit'), Type.Literal('kepala_unit'), Type.Literal('admin_instansi')]),
  unitId: Type.String({ format: 'uuid' }),
  /** This step's share of the service's time limit, in working days. */
  days: Type.Integer({ minimum: 0, maximum: 365 }),
});
export type WorkflowStep = Static<typeof WorkflowStepSchema>;

export const ServiceDefinitionSchema = Type.Object({
  standard: ServiceStandardSchema,
  feeRupiah: Type.Integer({ minimum: 0, maximum: 1_000_000_000 }),
  durationDays: Type.Integer({ minimum: 1, maximum: 365 }),
  form: Type.Array(FormFieldSchema, { minItems: 1, maxItems: 40 }),
  workflow: Type.Array(WorkflowStepSchema, { minItems: 1, maxItems: 8 }),
});
export type ServiceDefinition = Static<typeof ServiceDefinitionSchema>;
