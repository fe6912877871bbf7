import { describe, expect, it } from 'vitest';
import { parseNik } from './check-nik';

describe('parseNik', () => {
  it('reads the kecamatan code, the birth date and the sex', () => {
    expect(parseNik('3673011501900001')).toEqual({
      kecamatanCode: '36.73.01',
      birthDay: 15,
      birthMonth: 1,
      female: false,
    });
    expect(parseNik('3673015501900001')).toEqual({
      kecamatanCode: '36.73.01',
      birthDay: 15,
      birthMonth: 1,
      female: true,
    });
    expect(parseNik('3604052902000007')).toMatchObject({ birthDay: 29, birthMonth: 2 });
  });

  it('refuses the wrong shape, impossible birth dates and the 0000 serial', () => {
    expect(parseNik('367301150190000')).toBe('shape');
    expect(parseNik('36730115019000012')).toBe('shape');
    expect(parseNik('36730115019O0001')).toBe('shape');
    expect(parseNik('3673013201900001')).toBe('birth_date');
    expect(parseNik('3673017201900001')).toBe('birth_date');
    expect(parseNik('3673010001900001')).toBe('birth_date');
    expect(parseNik('3673011513900001')).toBe('birth_date');
    expect(parseNik('3673013002900001')).toBe('birth_date');
    expect(parseNik('3673011501900000')).toBe('serial');
  });
});
