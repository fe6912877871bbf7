import { describe, expect, it } from 'vitest';
import {
  ELEMENT_KEYS,
  getElement,
  IKM_ELEMENTS,
  isAnswerValue,
  isElementKey,
  JENIS_KELAMIN_OPTIONS,
  PEKERJAAN_OPTIONS,
  PENDIDIKAN_OPTIONS,
  UMUR_GROUP_OPTIONS,
  umurGroupOf,
} from './elements';

const labels = (key: (typeof ELEMENT_KEYS)[number]) => getElement(key).answers.map((a) => a.label.id);

describe('IKM_ELEMENTS (PermenPANRB 14/2017)', () => {
  it('lists the nine elements in the regulation order with stable keys', () => {
    expect(ELEMENT_KEYS).toEqual(['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8', 'u9']);
    expect(IKM_ELEMENTS.map((e) => [e.key, e.order, e.name.id])).toEqual([
      ['u1', 1, 'Persyaratan'],
      ['u2', 2, 'Sistem, mekanisme, dan prosedur'],
      ['u3', 3, 'Waktu penyelesaian'],
      ['u4', 4, 'Biaya/tarif'],
      ['u5', 5, 'Produk spesifikasi jenis pelayanan'],
      ['u6', 6, 'Kompetensi pelaksana'],
      ['u7', 7, 'Perilaku pelaksana'],
      ['u8', 8, 'Penanganan pengaduan, saran dan masukan'],
      ['u9', 9, 'Sarana dan prasarana'],
    ]);
  });

  it('records that the sample questionnaire swaps elements 8 and 9', () => {
    expect(IKM_ELEMENTS.map((e) => e.questionnaireNumber)).toEqual([1, 2, 3, 4, 5, 6, 7, 9, 8]);
  });

  it('has four answers valued 1..4, each labelled in both languages', () => {
    for (const element of IKM_ELEMENTS) {
      expect(element.answers.map((a) => a.value)).toEqual([1, 2, 3, 4]);
      for (const a of element.answers) {
        expect(a.label.id.length).toBeGreaterThan(0);
        expect(a.label.en.length).toBeGreaterThan(0);
      }
      expect(element.question.id).toMatch(/^Bagaimana /);
      expect(element.question.en.length).toBeGreaterThan(0);
      expect(element.name.en.length).toBeGreaterThan(0);
    }
  });

  it('uses the answer labels of the sample questionnaire', () => {
    expect(labels('u1')).toEqual(['Tidak sesuai', 'Kurang sesuai', 'Sesuai', 'Sangat sesuai']);
    expect(labels('u2')).toEqual(['Tidak mudah', 'Kurang mudah', 'Mudah', 'Sangat mudah']);
    expect(labels('u3')).toEqual(['Tidak cepat', 'Kurang cepat', 'Cepat', 'Sangat cepat']);
    expect(labels('u4')).toEqual(['Sangat mahal', 'Cukup mahal', 'Murah', 'Gratis']);
    expect(labels('u5')).toEqual(['Tidak sesuai', 'Kurang sesuai', 'Sesuai', 'Sangat sesuai']);
    expect(labels('u6')).toEqual(['Tidak kompeten', 'Kurang kompeten', 'Kompeten', 'Sangat kompeten']);
    expect(labels('u7')).toEqual([
      'Tidak sopan dan ramah',
      'Kurang sopan dan ramah',
      'Sopan dan ramah',
      'Sangat sopan dan ramah',
    ]);
    expect(labels('u8')).toEqual([
      'Tidak ada',
      'Ada tetapi tidak berfungsi',
      'Berfungsi kurang maksimal',
      'Dikelola dengan baik',
    ]);
    expect(labels('u9')).toEqual(['Buruk', 'Cukup', 'Baik', 'Sangat baik']);
    expect(getElement('u4').answers[3].label).toEqual({ id: 'Gratis', en: 'Free of charge' });
  });

  it('guards keys and answer values', () => {
    expect(isElementKey('u9')).toBe(true);
    expect(isElementKey('u10')).toBe(false);
    expect(isElementKey('U1')).toBe(false);
    expect([0, 1, 2, 3, 4, 5, 2.5, '3'].map(isAnswerValue)).toEqual([
      false,
      true,
      true,
      true,
      true,
      false,
      false,
      false,
    ]);
  });
});

describe('respondent profile options', () => {
  it('jenis kelamin, pendidikan and pekerjaan of the regulation form', () => {
    expect(JENIS_KELAMIN_OPTIONS.map((o) => [o.code, o.label.id])).toEqual([
      ['L', 'Laki-laki'],
      ['P', 'Perempuan'],
    ]);
    expect(PENDIDIKAN_OPTIONS.map((o) => o.code)).toEqual(['SD', 'SMP', 'SMA', 'D1-D3-D4', 'S1', 'S2+']);
    expect(PENDIDIKAN_OPTIONS[5].label.id).toBe('S2 ke atas');
    expect(PEKERJAAN_OPTIONS.map((o) => o.code)).toEqual(['PNS', 'TNI', 'POLRI', 'SWASTA', 'WIRAUSAHA', 'LAINNYA']);
    for (const o of [...JENIS_KELAMIN_OPTIONS, ...PENDIDIKAN_OPTIONS, ...PEKERJAAN_OPTIONS, ...UMUR_GROUP_OPTIONS]) {
      expect(o.label.en.length).toBeGreaterThan(0);
    }
  });

  it('groups ages in years', () => {
    expect([17, 19, 20, 29, 30, 45, 59, 60, 95].map(umurGroupOf)).toEqual([
      '<20',
      '<20',
      '20-29',
      '20-29',
      '30-39',
      '40-49',
      '50-59',
      '60+',
      '60+',
    ]);
    expect(() => umurGroupOf(-1)).toThrow(RangeError);
    expect(() => umurGroupOf(30.5)).toThrow(RangeError);
  });
});
