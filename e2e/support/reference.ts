import fs from 'node:fs';
import path from 'node:path';
import type { Sql } from './db';

interface FixtureMember {
  name: string;
  idNumber: string;
  relation: string;
  sex: string;
  birthDate: string;
  inSchool?: string;
  disability?: { kind: string; grade: number };
  workingCapacity?: string;
}

export const reference = JSON.parse(fs.readFileSync(path.join('tests', 'fixtures', 'mu-xiaojun.json'), 'utf8')) as {
  household: { members: FixtureMember[] };
};

/**
 * Registers the reference household (穆小军, 康城村) straight in the database for specs that
 * start after registration; frees the fixture's IDs from any earlier run first.
 */
export async function insertReferenceHousehold(sql: Sql): Promise<string> {
  const ms = reference.household.members;
  const ids = ms.map((m) => m.idNumber);
  await sql`update members set status = 'moved_out', is_head = false, left_on = current_date, left_reason = 'e2e 重置' where id_number in ${sql(ids)} and status = 'active'`;
  await sql`update enrollment_members set active = false where id_number in ${sql(ids)}`;
  const [h] = await sql<{ id: string }[]>`
    insert into households (village_code, township_code, county_code, address, kind, registered_poor, registered_poor_year, poverty_causes, left_poverty, left_poverty_year,
                            bank_name, bank_account_kind, bank_account, bank_account_holder)
    values ('141130101200', '141130101', '141130', '康城村 18 号', 'rural', true, 2014, ${['因病', '因学']}, true, 2018,
            '交口县农村信用合作联社', 'card', '6228480470000001235', '穆小军')
    returning id`;
  for (const [i, m] of ms.entries()) {
    await sql`insert into members (household_id, name, id_number, birth_date, sex, relation, is_head, disability_kind, disability_grade, school_stage, working_capacity, sort_order)
      values (${h!.id}, ${m.name}, ${m.idNumber}, ${m.birthDate}, ${m.sex}, ${m.relation}, ${m.relation === '本人'}, ${m.disability?.kind ?? null}, ${m.disability?.grade ?? null},
              ${m.inSchool ?? null}, ${m.workingCapacity ?? (m.inSchool ? 'none' : 'full')}, ${i})`;
  }
  return h!.id;
}
