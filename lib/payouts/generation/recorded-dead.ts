import 'server-only';
import { sql, type SQL } from 'drizzle-orm';

/**
 * Whether a member is recorded dead, for a members row aliased `m`: the one place the payout
 * sweep decides it. The registry's own record (members.status), or a death reported for the
 * person's ID number in an imported death file (公安 / 殡葬, death_reports: lib/monitoring/).
 */
export function recordedDead(m: string): SQL {
  if (!/^[a-z_][a-z0-9_]*$/.test(m)) throw new Error(`bad alias ${m}`);
  return sql.raw(`(${m}.status = 'deceased' OR EXISTS (SELECT 1 FROM death_reports dr WHERE dr.id_number = ${m}.id_number))`);
}

/** When the member died, as text (YYYY-MM-DD) or null, for the finding's detail: the registry's date, else the reported one. */
export function recordedDeathDate(m: string): SQL {
  if (!/^[a-z_][a-z0-9_]*$/.test(m)) throw new Error(`bad alias ${m}`);
  return sql.raw(
    `coalesce(CASE WHEN ${m}.status = 'deceased' THEN to_char(${m}.left_on, 'YYYY-MM-DD') END, (SELECT to_char(min(dr.died_on), 'YYYY-MM-DD') FROM death_reports dr WHERE dr.id_number = ${m}.id_number))`,
  );
}
