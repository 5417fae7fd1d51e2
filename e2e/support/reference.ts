import fs from 'node:fs';
import path from 'node:path';
import type { Sql } from './db';
import { unusedIdNumber } from './ids';

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
 * start after registration. Each copy gets resident IDs of its own, with the fixture's birth dates
 * and sexes: the fixture's IDs belong to the registry spec, which registers them through the form,
 * and freeing them here would move out members of households other specs made.
 */
export async function insertReferenceHousehold(sql: Sql): Promise<string> {
  const [h] = await sql<{ id: string }[]>`
    insert into households (village_code, township_code, county_code, address, kind, registered_poor, registered_poor_year, poverty_causes, left_poverty, left_poverty_year,
                            bank_name, bank_account_kind, bank_account, bank_account_holder)
    values ('141130101200', '141130101', '141130', '康城村 18 号', 'rural', true, 2014, ${['因病', '因学']}, true, 2018,
            '交口县农村信用合作联社', 'card', '6228480470000001235', '穆小军')
    returning id`;
  for (const [i, m] of reference.household.members.entries()) {
    const idNumber = await unusedIdNumber(sql, m.idNumber.slice(0, 6), m.birthDate.replace(/-/g, ''), m.sex as '男' | '女');
    await sql`insert into members (household_id, name, id_number, birth_date, sex, relation, is_head, disability_kind, disability_grade, school_stage, working_capacity, sort_order)
      values (${h!.id}, ${m.name}, ${idNumber}, ${m.birthDate}, ${m.sex}, ${m.relation}, ${m.relation === '本人'}, ${m.disability?.kind ?? null}, ${m.disability?.grade ?? null},
              ${m.inSchool ?? null}, ${m.workingCapacity ?? (m.inSchool ? 'none' : 'full')}, ${i})`;
  }
  return h!.id;
}
