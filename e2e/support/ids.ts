import { idCheckDigit } from '../../lib/core/resident-id';
import type { Sql } from './db';

/**
 * A valid resident ID with the given region, birth date (YYYYMMDD) and sex that no member row
 * holds yet, in any household or status. A random sequence number (as specs used to draw)
 * repeats within a run often enough to fail a spec now and then: two draws for one birth date
 * collide 1 time in 1,000. Specs run one at a time, so the first free number stays free until
 * the caller inserts it.
 */
export async function unusedIdNumber(sql: Sql, region: string, birth: string, sex: '男' | '女'): Promise<string> {
  const prefix = `${region}${birth}`;
  const taken = new Set((await sql<{ id_number: string }[]>`select id_number from members where id_number like ${`${prefix}%`}`).map((r) => r.id_number.slice(14, 17)));
  for (let n = sex === '男' ? 1 : 0; n < 1000; n += 2) {
    const seq = String(n).padStart(3, '0');
    if (!taken.has(seq)) return `${prefix}${seq}${idCheckDigit(prefix + seq)}`;
  }
  throw new Error(`no free resident ID left for ${prefix} (${sex})`);
}

/** A household of one head in 交口县 康城镇 康城村 (the demo caseworker's), written straight to the tables. */
export async function insertKangchengHousehold(sql: Sql, headName: string): Promise<string> {
  const [h] = await sql<{ id: string }[]>`
    insert into households (village_code, township_code, county_code, address, kind)
    values ('141130101200', '141130101', '141130', '康城村 3 号', 'rural') returning id`;
  const idNumber = await unusedIdNumber(sql, '141130', '19750101', '男');
  await sql`insert into members (household_id, name, id_number, birth_date, sex, relation, is_head) values (${h!.id}, ${headName}, ${idNumber}, '1975-01-01', '男', '本人', true)`;
  return h!.id;
}
