// The prepared statement answers like the plain query on both backends, whatever text it is given.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, createTestDatabase } from '../../../test/db';
import { preparedQuery, quoteLiteral } from './prepared-query';

const regionByCode = preparedQuery<{ code: string; level: number }>(
  'test_region_by_code',
  'select code, level from core_regions where code = $1 or name = $2',
);

describe('preparedQuery', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t.drop());

  it('finds a row, and answers again from the statement prepared the first time', async () => {
    expect(await regionByCode(t.database, ['36', 'x'])).toEqual([{ code: '36', level: 1 }]);
    expect(await regionByCode(t.database, ['36.73', 'x'])).toEqual([{ code: '36.73', level: 2 }]);
  });

  it('takes quotes, backslashes and SQL in a parameter as plain text', async () => {
    for (const hostile of ["x' or '1'='1", "36' --", '\\', "'; drop table core_regions; --"]) {
      expect(await regionByCode(t.database, [hostile, hostile])).toEqual([]);
    }
    expect(await regionByCode(t.database, ['36', 'x'])).toHaveLength(1);
  });

  it('quotes a literal by doubling its quotes', () => {
    expect(quoteLiteral("it's")).toBe("'it''s'");
    expect(() => quoteLiteral('a\u0000b')).toThrow();
  });
});
