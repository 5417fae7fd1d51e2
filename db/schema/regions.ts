import { index, pgTable, text, varchar } from 'drizzle-orm/pg-core';

export const regionLevels = ['province', 'city', 'county', 'township', 'village'] as const;
export type RegionLevel = (typeof regionLevels)[number];

/**
 * 统计用区划代码: city and county 6 digits, township 9, village 12.
 * county_code / township_code are denormalized so that scoping a row is an equality test.
 */
export const regions = pgTable(
  'regions',
  {
    code: varchar('code', { length: 12 }).primaryKey(),
    name: text('name').notNull(),
    level: text('level', { enum: regionLevels }).notNull(),
    parentCode: varchar('parent_code', { length: 12 }),
    cityCode: varchar('city_code', { length: 6 }),
    countyCode: varchar('county_code', { length: 6 }),
    townshipCode: varchar('township_code', { length: 9 }),
  },
  (t) => [
    index('regions_parent_idx').on(t.parentCode),
    index('regions_county_idx').on(t.countyCode),
    index('regions_township_idx').on(t.townshipCode),
  ],
);
