import 'server-only';
import { sql, type SQL } from 'drizzle-orm';

/**
 * The covered persons recorded dead, with the date (YYYY-MM-DD or null): the one place the payout
 * sweep decides it. The registry's own record (members.status, left_on), or a death reported for
 * the person's ID number in an imported death file (公安 / 殡葬, death_reports: lib/monitoring/).
 *
 * `persons` names a CTE with line_id, name, id_number, status and left_on. One index probe of
 * death_reports per person (LATERAL … OFFSET 0): linear, however few rows the planner expects.
 */
export function recordedDeaths(persons: string): SQL {
  if (!/^[a-z_][a-z0-9_]*$/.test(persons)) throw new Error(`bad name ${persons}`);
  return sql.raw(`
    SELECT p.line_id, p.name, p.id_number,
      coalesce(CASE WHEN p.status = 'deceased' THEN to_char(p.left_on, 'YYYY-MM-DD') END, to_char(r.died_on, 'YYYY-MM-DD')) AS died_on
    FROM ${persons} p
    CROSS JOIN LATERAL (SELECT min(dr.died_on) AS died_on FROM death_reports dr WHERE dr.id_number = p.id_number OFFSET 0) r
    WHERE p.status = 'deceased' OR r.died_on IS NOT NULL`);
}
