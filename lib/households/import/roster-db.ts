import 'server-only';
import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { regions } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/types';
import { parseIdNumber } from '@/lib/core/resident-id';
import { describeRegisteredElsewhere, textArray } from '../duplicates';
import { maskAccount, maskIdNumber } from '../mask';
import type { RosterHousehold } from './validate';

// Every query here takes the whole file as ONE parameter (a text array or a JSON document),
// so 20,000 rows cost one round trip and never approach PostgreSQL's 65,535-parameter limit.

export type Village = typeof regions.$inferSelect;

/** The given codes that are villages, by code. */
export async function findVillages(db: Db, codes: readonly string[]): Promise<Map<string, Village>> {
  const rows = await db
    .select()
    .from(regions)
    .where(and(sql`${regions.code} = any(${textArray(codes)}::varchar[])`, eq(regions.level, 'village')));
  return new Map(rows.map((r) => [r.code, r]));
}

/**
 * Resident IDs already active in some household, each with the message to show at its row:
 * the registry's one rule (registered-elsewhere.ts) — where, inside the user's region; only
 * that it is registered, outside it.
 */
export async function findRegisteredElsewhere(db: Db, user: SessionUser, ids: readonly string[]): Promise<Map<string, string>> {
  return describeRegisteredElsewhere(user, ids, { db });
}

/** Inserts the households, their members and one audit row each: three statements in all. */
export async function insertRoster(
  tx: Tx,
  user: SessionUser,
  roster: readonly RosterHousehold[],
  villages: ReadonlyMap<string, Village>,
  reason: string,
): Promise<{ households: number; members: number }> {
  const today = new Date();
  const hs: object[] = [];
  const ms: object[] = [];
  const audits: object[] = [];
  for (const { input: h } of roster) {
    const id = randomUUID();
    const village = villages.get(h.villageCode)!;
    hs.push({
      id, village_code: village.code, township_code: village.townshipCode, county_code: village.countyCode,
      address: h.address, kind: h.kind, phone: h.phone,
      registered_poor: h.registeredPoor,
      registered_poor_year: h.registeredPoor ? (h.registeredPoorYear ?? null) : null,
      poverty_causes: h.registeredPoor ? h.povertyCauses : null,
      left_poverty: h.leftPoverty,
      left_poverty_year: h.leftPoverty ? (h.leftPovertyYear ?? null) : null,
      bank_name: h.bank?.bankName ?? null, bank_account_kind: h.bank?.accountKind ?? null,
      bank_account: h.bank?.account ?? null, bank_account_holder: h.bank?.holder ?? null,
    });
    h.members.forEach((m, i) => {
      const parsed = parseIdNumber(m.idNumber, today);
      if (!parsed.ok) throw new Error('validated ID no longer parses'); // the schema already checked it
      ms.push({
        household_id: id, name: m.name, id_number: parsed.id, birth_date: parsed.birthDate, sex: parsed.sex,
        relation: m.relation, is_head: m.relation === '本人',
        disability_kind: m.disabilityKind ?? null, disability_grade: m.disabilityGrade ?? null,
        disability_certificate: m.disabilityCertificate ?? null, serious_illness: m.seriousIllness,
        school_stage: m.schoolStage ?? null, working_capacity: m.workingCapacity, sort_order: i,
      });
    });
    audits.push({
      entity_id: id,
      region_code: village.code,
      after: {
        village: village.name, address: h.address, kind: h.kind, registeredPoor: h.registeredPoor,
        bank: h.bank ? { ...h.bank, account: maskAccount(h.bank.account) } : null,
        members: h.members.map((m) => ({ name: m.name, idNumber: maskIdNumber(m.idNumber), relation: m.relation })),
      },
    });
  }

  await tx.execute(sql`
    insert into households (id, village_code, township_code, county_code, address, kind, phone, registered_poor,
      registered_poor_year, poverty_causes, left_poverty, left_poverty_year, bank_name, bank_account_kind, bank_account,
      bank_account_holder, created_by)
    select r.*, ${user.id}::uuid
    from jsonb_to_recordset(${JSON.stringify(hs)}::jsonb) as r(id uuid, village_code varchar, township_code varchar,
      county_code varchar, address text, kind text, phone varchar, registered_poor boolean, registered_poor_year smallint,
      poverty_causes text[], left_poverty boolean, left_poverty_year smallint, bank_name text, bank_account_kind text,
      bank_account varchar, bank_account_holder text)`);
  await tx.execute(sql`
    insert into members (household_id, name, id_number, birth_date, sex, relation, is_head, disability_kind,
      disability_grade, disability_certificate, serious_illness, school_stage, working_capacity, sort_order)
    select r.*
    from jsonb_to_recordset(${JSON.stringify(ms)}::jsonb) as r(household_id uuid, name text, id_number varchar,
      birth_date date, sex text, relation text, is_head boolean, disability_kind text, disability_grade smallint,
      disability_certificate text, serious_illness boolean, school_stage text, working_capacity text, sort_order integer)`);
  await tx.execute(sql`
    insert into audit_log (actor_id, actor_name, action, entity, entity_id, region_code, after, reason)
    select ${user.id}::uuid, ${user.name}, 'household.import', 'household', r.entity_id, r.region_code, r.after, ${reason}
    from jsonb_to_recordset(${JSON.stringify(audits)}::jsonb) as r(entity_id text, region_code varchar, after jsonb)`);
  return { households: hs.length, members: ms.length };
}
