import { sql, type SQL } from 'drizzle-orm';

/**
 * Whether a member is recorded dead, for a members row aliased `m`: the one place the payout
 * sweep decides it. Today the registry's own record (members.status); a death reported in an
 * imported death file joins here as one more alternative, and every check that uses it follows.
 */
export function recordedDead(m: string): SQL {
  if (!/^[a-z_][a-z0-9_]*$/.test(m)) throw new Error(`bad alias ${m}`);
  return sql.raw(`(${m}.status = 'deceased')`);
}

/** When the member died, as text (YYYY-MM-DD) or null, for the finding's detail. */
export function recordedDeathDate(m: string): SQL {
  if (!/^[a-z_][a-z0-9_]*$/.test(m)) throw new Error(`bad alias ${m}`);
  return sql.raw(`to_char(${m}.left_on, 'YYYY-MM-DD')`);
}
