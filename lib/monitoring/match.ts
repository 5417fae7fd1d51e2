import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import type { MonitoringFileKind } from '@/db/schema';

export interface MatchPolicy {
  today: string;
  dueOn: string;
  medicalAboveFen: number;
  medicalWindowMonths: number;
  disabilityMaxGrade: number;
  leftProgramMonths: number;
}

/** The importer's region, as a condition on households h (county / township / village prefix). */
const prefixLength = { province: 2, city: 4, county: 6, township: 9, village: 12 } as const;

export function householdInRegion(region: { regionCode: string; regionLevel: keyof typeof prefixLength }): SQL {
  return sql`h.village_code LIKE ${`${region.regionCode.slice(0, prefixLength[region.regionLevel])}%`}`;
}

/**
 * The monitored population beyond recipients, once, in SQL: the list page and the unemployment
 * rule both read it. A household is in it when a caseworker flagged it (低保边缘, 刚性支出 …), when
 * one of its enrollments ended within the policy's months, or when it is a registered-poor
 * household that has left poverty (返贫风险).
 */
export function monitoredHouseholds(p: Pick<MatchPolicy, 'today' | 'leftProgramMonths'>): SQL {
  return sql`
    SELECT f.household_id, f.reason FROM monitored_flags f
    UNION ALL
    SELECT e.household_id, 'left_program' FROM enrollments e
      WHERE e.status = 'terminated' AND e.end_month >= to_char(${p.today}::date - make_interval(months => ${p.leftProgramMonths}), 'YYYY-MM')
    UNION ALL
    SELECT hh.id, 'registered_poor' FROM households hh WHERE hh.registered_poor AND hh.left_poverty AND hh.status = 'active'`;
}

const alertInsert = () => sql`
  INSERT INTO monitoring_alerts (rule, member_id, household_id, source_key, detail, county_code, township_code, village_code, import_id, due_on)`;

/**
 * Every hit of the file's rule as alerts, in one statement (INSERT … SELECT): the rows of this
 * import joined to active members by id number inside the region. A hit already raised (same
 * rule, member and source key) is left as it is. Returns how many alerts are new.
 */
export async function raiseAlerts(tx: Tx, kind: MonitoringFileKind, importId: string, region: Parameters<typeof householdInRegion>[0], p: MatchPolicy): Promise<number> {
  const inRegion = householdInRegion(region);
  const tail = sql`ON CONFLICT (rule, member_id, source_key) DO NOTHING`;
  let q: SQL;
  if (kind === 'death') {
    q = sql`${alertInsert()}
      SELECT DISTINCT ON (m.id) 'death_while_paid', m.id, h.id, '', '死亡日期 ' || d.died_on::text || '（' || d.source || '）：家庭仍在发放，请核实并停发',
        h.county_code, h.township_code, h.village_code, ${importId}::uuid, ${p.dueOn}::date
      FROM death_reports d JOIN members m ON m.id_number = d.id_number AND m.status = 'active'
      JOIN households h ON h.id = m.household_id
      WHERE d.import_id = ${importId}::uuid AND ${inRegion}
        AND EXISTS (SELECT 1 FROM enrollments e WHERE e.household_id = h.id AND e.status = 'active')
      ORDER BY m.id, d.died_on
      ${tail}`;
  } else if (kind === 'medical') {
    // The sum over every imported settlement in the window, not just this file's: two monthly files add up.
    q = sql`${alertInsert()}
      SELECT 'medical_self_pay', m.id, h.id, extract(year FROM ${p.today}::date)::text,
        '近 ' || ${p.medicalWindowMonths}::text || ' 个月医保自付合计 ' || to_char(s.fen / 100.0, 'FM999,999,990.00') || ' 元',
        h.county_code, h.township_code, h.village_code, ${importId}::uuid, ${p.dueOn}::date
      FROM (
        SELECT x.id_number, sum(x.self_pay_fen) AS fen FROM medical_expenses x
        WHERE x.id_number IN (SELECT id_number FROM medical_expenses WHERE import_id = ${importId}::uuid)
          AND x.settled_on > ${p.today}::date - make_interval(months => ${p.medicalWindowMonths})
        GROUP BY x.id_number
      ) s JOIN members m ON m.id_number = s.id_number AND m.status = 'active'
      JOIN households h ON h.id = m.household_id
      WHERE s.fen > ${p.medicalAboveFen} AND ${inRegion}
      ${tail}`;
  } else if (kind === 'disability') {
    q = sql`${alertInsert()}
      SELECT 'severe_disability', m.id, h.id, c.certificate_no, '新办' || c.category || c.grade::text || '级残疾证（' || c.issued_on::text || '）',
        h.county_code, h.township_code, h.village_code, ${importId}::uuid, ${p.dueOn}::date
      FROM disability_certificates c JOIN members m ON m.id_number = c.id_number AND m.status = 'active'
      JOIN households h ON h.id = m.household_id
      WHERE c.import_id = ${importId}::uuid AND c.grade <= ${p.disabilityMaxGrade} AND ${inRegion}
      ${tail}`;
  } else {
    q = sql`${alertInsert()}
      SELECT 'unemployment_monitored', m.id, h.id, u.registered_on::text, '失业登记 ' || u.registered_on::text,
        h.county_code, h.township_code, h.village_code, ${importId}::uuid, ${p.dueOn}::date
      FROM unemployment_registrations u JOIN members m ON m.id_number = u.id_number AND m.status = 'active'
      JOIN households h ON h.id = m.household_id
      WHERE u.import_id = ${importId}::uuid AND ${inRegion}
        AND h.id IN (SELECT household_id FROM (${monitoredHouseholds(p)}) mon)
      ${tail}`;
  }
  const result = (await tx.execute(q)) as unknown as { count?: number };
  return Number(result.count ?? 0);
}
