// The respondent-profile counts kept in surveys_totals: one column per (dimension, code). The trigger in
// sql/010_surveys_totals.sql fills the same columns; surveys-totals.test.ts checks the two agree.
import {
  JENIS_KELAMIN_OPTIONS,
  PEKERJAAN_OPTIONS,
  PENDIDIKAN_OPTIONS,
  type ProfileOption,
  UMUR_GROUP_OPTIONS,
} from './ikm';

export const PROFILE_DIMENSIONS = ['jenisKelamin', 'umur', 'pendidikan', 'pekerjaan'] as const;
export type ProfileDimension = (typeof PROFILE_DIMENSIONS)[number];

export const PROFILE_OPTIONS: Record<ProfileDimension, readonly ProfileOption<string>[]> = {
  jenisKelamin: JENIS_KELAMIN_OPTIONS,
  umur: UMUR_GROUP_OPTIONS,
  pendidikan: PENDIDIKAN_OPTIONS,
  pekerjaan: PEKERJAAN_OPTIONS,
};

/** Column of surveys_totals for each profile code, in the order of the options. */
export const PROFILE_COUNT_COLUMNS: Record<ProfileDimension, Record<string, string>> = {
  jenisKelamin: { L: 'jk_l', P: 'jk_p' },
  umur: {
    '<20': 'umur_lt20',
    '20-29': 'umur_20_29',
    '30-39': 'umur_30_39',
    '40-49': 'umur_40_49',
    '50-59': 'umur_50_59',
    '60+': 'umur_60_plus',
  },
  pendidikan: {
    SD: 'pend_sd',
    SMP: 'pend_smp',
    SMA: 'pend_sma',
    'D1-D3-D4': 'pend_diploma',
    S1: 'pend_s1',
    'S2+': 'pend_s2_plus',
  },
  pekerjaan: {
    PNS: 'pek_pns',
    TNI: 'pek_tni',
    POLRI: 'pek_polri',
    SWASTA: 'pek_swasta',
    WIRAUSAHA: 'pek_wirausaha',
    LAINNYA: 'pek_lainnya',
  },
};

export const ALL_PROFILE_COUNT_COLUMNS: string[] = PROFILE_DIMENSIONS.flatMap((d) =>
  Object.values(PROFILE_COUNT_COLUMNS[d]),
);
