// The nine survey elements (unsur) of the Survei Kepuasan Masyarakat and the respondent profile of its
// form, as set by PermenPANRB 14/2017 (Pedoman Penyusunan Survei Kepuasan Masyarakat Unit Penyelenggara
// Pelayanan Publik), Lampiran.
//
// Order and keys: u1..u9 follow the regulation's LIST of elements (a. persyaratan ... h. penanganan
// pengaduan, saran dan masukan; i. sarana dan prasarana). The regulation's SAMPLE QUESTIONNAIRE asks
// about sarana dan prasarana as question 8 and about complaint handling as question 9, and survey tools
// disagree on which of the two is "unsur 8". Answers are therefore stored by key, never by position;
// `questionnaireNumber` gives the question's number on the sample form.
//
// Question wording and answer labels follow the sample questionnaire (light normalisation of spelling);
// the answer chosen first ("a") scores 1 and the last ("d") scores 4.
import { type Text, text } from '../../../core/i18n/messages';

export const ELEMENT_KEYS = ['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8', 'u9'] as const;
export type ElementKey = (typeof ELEMENT_KEYS)[number];

/** An answer's value on the regulation's 1..4 perception scale (nilai persepsi). */
export type AnswerValue = 1 | 2 | 3 | 4;
export const ANSWER_VALUES: readonly AnswerValue[] = [1, 2, 3, 4];

export interface AnswerOption {
  value: AnswerValue;
  label: Text;
}

export interface IkmElement {
  key: ElementKey;
  /** Position in the regulation's list of elements (1..9). */
  order: number;
  /** Number of the question on the regulation's sample questionnaire. */
  questionnaireNumber: number;
  name: Text;
  question: Text;
  /** Answer labels for values 1, 2, 3, 4 (in that order). */
  answers: readonly [AnswerOption, AnswerOption, AnswerOption, AnswerOption];
}

const scale = (
  a1: [string, string],
  a2: [string, string],
  a3: [string, string],
  a4: [string, string],
): IkmElement['answers'] => [
  { value: 1, label: text(...a1) },
  { value: 2, label: text(...a2) },
  { value: 3, label: text(...a3) },
  { value: 4, label: text(...a4) },
];

const SUITABILITY = scale(
  ['Tidak sesuai', 'Not suitable'],
  ['Kurang sesuai', 'Less suitable'],
  ['Sesuai', 'Suitable'],
  ['Sangat sesuai', 'Very suitable'],
);

export const IKM_ELEMENTS: readonly IkmElement[] = [
  {
    key: 'u1',
    order: 1,
    questionnaireNumber: 1,
    name: text('Persyaratan', 'Requirements'),
    question: text(
      'Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?',
      'How well do the service requirements suit the type of service?',
    ),
    answers: SUITABILITY,
  },
  {
    key: 'u2',
    order: 2,
    questionnaireNumber: 2,
    name: text('Sistem, mekanisme, dan prosedur', 'Systems, mechanisms and procedures'),
    question: text(
      'Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?',
      'How easy do you find the service procedure at this unit?',
    ),
    answers: scale(
      ['Tidak mudah', 'Not easy'],
      ['Kurang mudah', 'Less easy'],
      ['Mudah', 'Easy'],
      ['Sangat mudah', 'Very easy'],
    ),
  },
  {
    key: 'u3',
    order: 3,
    questionnaireNumber: 3,
    name: text('Waktu penyelesaian', 'Completion time'),
    question: text(
      'Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?',
      'How fast was the service delivered?',
    ),
    answers: scale(
      ['Tidak cepat', 'Not fast'],
      ['Kurang cepat', 'Not fast enough'],
      ['Cepat', 'Fast'],
      ['Sangat cepat', 'Very fast'],
    ),
  },
  {
    key: 'u4',
    order: 4,
    questionnaireNumber: 4,
    name: text('Biaya/tarif', 'Fees/tariffs'),
    question: text(
      'Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?',
      'How reasonable is the fee/tariff of the service?',
    ),
    answers: scale(
      ['Sangat mahal', 'Very expensive'],
      ['Cukup mahal', 'Fairly expensive'],
      ['Murah', 'Cheap'],
      ['Gratis', 'Free of charge'],
    ),
  },
  {
    key: 'u5',
    order: 5,
    questionnaireNumber: 5,
    name: text('Produk spesifikasi jenis pelayanan', 'Service product specification'),
    question: text(
      'Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang tercantum dalam standar pelayanan dengan hasil yang diberikan?',
      'How well does the service product delivered match what the service standard states?',
    ),
    answers: SUITABILITY,
  },
  {
    key: 'u6',
    order: 6,
    questionnaireNumber: 6,
    name: text('Kompetensi pelaksana', 'Staff competence'),
    question: text(
      'Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?',
      'How competent/capable were the staff in delivering the service?',
    ),
    answers: scale(
      ['Tidak kompeten', 'Not competent'],
      ['Kurang kompeten', 'Less competent'],
      ['Kompeten', 'Competent'],
      ['Sangat kompeten', 'Very competent'],
    ),
  },
  {
    key: 'u7',
    order: 7,
    questionnaireNumber: 7,
    name: text('Perilaku pelaksana', 'Staff conduct'),
    question: text(
      'Bagaimana pendapat Saudara tentang perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?',
      'How polite and friendly were the staff in delivering the service?',
    ),
    answers: scale(
      ['Tidak sopan dan ramah', 'Not polite and friendly'],
      ['Kurang sopan dan ramah', 'Less polite and friendly'],
      ['Sopan dan ramah', 'Polite and friendly'],
      ['Sangat sopan dan ramah', 'Very polite and friendly'],
    ),
  },
  {
    key: 'u8',
    order: 8,
    // Question 9 on the sample questionnaire (see the header comment).
    questionnaireNumber: 9,
    name: text('Penanganan pengaduan, saran dan masukan', 'Handling of complaints, suggestions and feedback'),
    question: text(
      'Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?',
      "How are service users' complaints handled?",
    ),
    answers: scale(
      ['Tidak ada', 'Not available'],
      ['Ada tetapi tidak berfungsi', 'Available but not working'],
      ['Berfungsi kurang maksimal', 'Working, but not fully'],
      ['Dikelola dengan baik', 'Well managed'],
    ),
  },
  {
    key: 'u9',
    order: 9,
    // Question 8 on the sample questionnaire (see the header comment).
    questionnaireNumber: 8,
    name: text('Sarana dan prasarana', 'Facilities and infrastructure'),
    question: text(
      'Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?',
      'How good are the facilities and infrastructure?',
    ),
    answers: scale(['Buruk', 'Poor'], ['Cukup', 'Fair'], ['Baik', 'Good'], ['Sangat baik', 'Very good']),
  },
];

export const isElementKey = (value: string): value is ElementKey => (ELEMENT_KEYS as readonly string[]).includes(value);

export const isAnswerValue = (value: unknown): value is AnswerValue =>
  value === 1 || value === 2 || value === 3 || value === 4;

export function getElement(key: ElementKey): IkmElement {
  const element = IKM_ELEMENTS.find((e) => e.key === key);
  if (!element) throw new Error(`unknown IKM element ${key}`);
  return element;
}

// ---------------------------------------------------------------------------------------------------
// Respondent profile (Profil responden) of the regulation's sample questionnaire.

export interface ProfileOption<C extends string> {
  code: C;
  label: Text;
}

/** JENIS KELAMIN: L / P. */
export const JENIS_KELAMIN_OPTIONS = [
  { code: 'L', label: text('Laki-laki', 'Male') },
  { code: 'P', label: text('Perempuan', 'Female') },
] as const satisfies readonly ProfileOption<string>[];
export type JenisKelamin = (typeof JENIS_KELAMIN_OPTIONS)[number]['code'];

/** PENDIDIKAN: SD ke bawah, SMP, SMA, D1-D3-D4, S1, S2 ke atas. */
export const PENDIDIKAN_OPTIONS = [
  { code: 'SD', label: text('SD ke bawah', 'Primary school or less') },
  { code: 'SMP', label: text('SMP', 'Junior secondary school') },
  { code: 'SMA', label: text('SMA', 'Senior secondary school') },
  { code: 'D1-D3-D4', label: text('D1-D3-D4', 'Diploma (D1, D3, D4)') },
  { code: 'S1', label: text('S1', "Bachelor's degree") },
  { code: 'S2+', label: text('S2 ke atas', "Master's degree or higher") },
] as const satisfies readonly ProfileOption<string>[];
export type Pendidikan = (typeof PENDIDIKAN_OPTIONS)[number]['code'];

/** PEKERJAAN: PNS, TNI, POLRI, SWASTA, WIRAUSAHA, Lainnya. */
export const PEKERJAAN_OPTIONS = [
  { code: 'PNS', label: text('PNS', 'Civil servant') },
  { code: 'TNI', label: text('TNI', 'Armed forces') },
  { code: 'POLRI', label: text('POLRI', 'National police') },
  { code: 'SWASTA', label: text('Swasta', 'Private-sector employee') },
  { code: 'WIRAUSAHA', label: text('Wirausaha', 'Self-employed') },
  { code: 'LAINNYA', label: text('Lainnya', 'Other') },
] as const satisfies readonly ProfileOption<string>[];
export type Pekerjaan = (typeof PEKERJAAN_OPTIONS)[number]['code'];

/**
 * UMUR: the regulation's form asks for the age in years ("Umur ... tahun"); it prescribes no age groups.
 * These groups are Pamong's reporting convention, not the regulation's.
 */
export const UMUR_GROUP_OPTIONS = [
  { code: '<20', min: 0, max: 19, label: text('Di bawah 20 tahun', 'Under 20 years') },
  { code: '20-29', min: 20, max: 29, label: text('20-29 tahun', '20-29 years') },
  { code: '30-39', min: 30, max: 39, label: text('30-39 tahun', '30-39 years') },
  { code: '40-49', min: 40, max: 49, label: text('40-49 tahun', '40-49 years') },
  { code: '50-59', min: 50, max: 59, label: text('50-59 tahun', '50-59 years') },
  { code: '60+', min: 60, max: Number.POSITIVE_INFINITY, label: text('60 tahun ke atas', '60 years and over') },
] as const satisfies readonly (ProfileOption<string> & { min: number; max: number })[];
export type UmurGroup = (typeof UMUR_GROUP_OPTIONS)[number]['code'];

/** The reporting group of an age in whole years. */
export function umurGroupOf(years: number): UmurGroup {
  if (!Number.isInteger(years) || years < 0) throw new RangeError(`invalid age ${years}`);
  const group = UMUR_GROUP_OPTIONS.find((g) => years >= g.min && years <= g.max);
  if (!group) throw new RangeError(`invalid age ${years}`);
  return group.code;
}

export interface RespondentProfile {
  jenisKelamin?: JenisKelamin;
  /** Age in whole years, when the respondent gave it. */
  umurTahun?: number;
  umur?: UmurGroup;
  pendidikan?: Pendidikan;
  pekerjaan?: Pekerjaan;
}
