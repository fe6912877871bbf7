// Dictionary keys of the role and unit-kind names (checked against the dictionary by the compiler).
import type { MessageKey } from '../../lib/i18n/i18n';
import type { Role } from '../auth/auth-api';

export const UNIT_KINDS = [
  'opd',
  'bidang',
  'seksi',
  'bagian',
  'upt',
  'kecamatan',
  'kelurahan',
  'desa',
  'lainnya',
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const roleLabelKey = (role: Role): MessageKey => `role.${role}` as const;
export const unitKindKey = (kind: UnitKind): MessageKey => `unitKind.${kind}` as const;
export const isUnitKind = (k: string): k is UnitKind => (UNIT_KINDS as readonly string[]).includes(k);
