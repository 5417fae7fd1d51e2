import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { INSTITUTION_ACCOUNT_KIND } from '@/lib/institutions/labels';
import { BLOCK_REASON_SQL, counts, generationBlockReason, type Counts } from './common';

// Step 1 of a generation: the enrollment lines, one per enrollment that pays in the month.

/**
 * The enrollment that pays in month M, with the amount row in force and the month's status
 * (the latest approved suspend / resume / terminate not after M): monthVerdict() in SQL.
 */
function desiredEnrollmentLines(county: string, month: string): SQL {
  return sql`
    SELECT e.id AS enrollment_id, e.program, e.household_id, e.member_id,
      e.county_code, e.township_code, e.village_code,
      a.effective_month, coalesce(st.kind = 'terminate', false) AS gradual_exit,
      -- 集中供养: a 特困 resident's line pays the institution's account (the amount row in force is the
      -- 集中 standard, written at admission); at home, the household's.
      pl.institution_id AS payee_institution_id,
      CASE WHEN pl.institution_id IS NULL THEN h.bank_name ELSE pl.bank_name END AS bank_name,
      CASE WHEN pl.institution_id IS NULL THEN h.bank_account_kind ELSE ${INSTITUTION_ACCOUNT_KIND} END AS bank_account_kind,
      CASE WHEN pl.institution_id IS NULL THEN h.bank_account ELSE pl.bank_account END AS bank_account,
      CASE WHEN pl.institution_id IS NULL THEN h.bank_account_holder ELSE pl.bank_account_holder END AS bank_account_holder,
      CASE WHEN pl.institution_id IS NULL THEN ${BLOCK_REASON_SQL} END AS block_reason
    FROM enrollments e
    -- The household is in the enrollment's county: saying so lets a small county read its own households only.
    JOIN households h ON h.id = e.household_id AND h.county_code = ${county}
    -- Which amount row is in force, from the (enrollment, month) index alone: an index-only scan
    -- (amount rows are old and all-visible). (enrollment, effective month) names the row.
    CROSS JOIN LATERAL (
      SELECT ea.effective_month FROM enrollment_amounts ea
      WHERE ea.enrollment_id = e.id AND ea.effective_month <= ${month}
      ORDER BY ea.effective_month DESC LIMIT 1
    ) a
    -- Status changes are few: one pass over them, hashed, beats a probe per enrollment.
    LEFT JOIN (
      SELECT DISTINCT ON (c.enrollment_id) c.enrollment_id, c.kind FROM enrollment_changes c
      WHERE c.state = 'approved' AND c.kind IN ('suspend', 'resume', 'terminate') AND c.effective_month <= ${month}
      ORDER BY c.enrollment_id, c.effective_month DESC, c.decided_at DESC
    ) st ON st.enrollment_id = e.id
    -- The placement in force in the month (admitted by its end, not discharged before its start;
    -- the later one on a transfer): few rows, hashed like the status changes.
    LEFT JOIN (
      SELECT DISTINCT ON (p.member_id) p.member_id, i.id AS institution_id, i.bank_name, i.bank_account, i.bank_account_holder
      FROM institution_placements p JOIN institutions i ON i.id = p.institution_id
      WHERE i.county_code = ${county} AND to_char(p.admitted_on, 'YYYY-MM') <= ${month}
        AND (p.discharged_on IS NULL OR to_char(p.discharged_on, 'YYYY-MM') >= ${month})
      ORDER BY p.member_id, p.admitted_on DESC, p.created_at DESC
    ) pl ON pl.member_id = e.member_id AND e.program = 'tekun'
    WHERE e.county_code = ${county}
      AND e.status IN ('active', 'suspended', 'terminated')
      AND e.start_month <= ${month}
      AND (e.end_month IS NULL OR e.end_month >= ${month})
      AND (e.status <> 'terminated' OR e.end_month IS NOT NULL)
      AND CASE WHEN st.kind IS NOT NULL THEN st.kind <> 'suspend'
               WHEN e.status <> 'suspended' THEN true
               ELSE EXISTS (SELECT 1 FROM enrollment_changes c2 WHERE c2.enrollment_id = e.id AND c2.state = 'approved' AND c2.kind = 'suspend') END`;
}

/**
 * The values of an enrollment line from a desired row d and its amount row ea (AMOUNT_JOIN;
 * persons: those the amount was computed for). A month whose amount is not positive pays nothing.
 */
const AMOUNT_JOIN = sql.raw(`JOIN enrollment_amounts ea ON ea.enrollment_id = d.enrollment_id AND ea.effective_month = d.effective_month AND ea.amount_fen > 0`);

function lineValues(month: string): SQL {
  return sql`'enrollment', d.program, d.enrollment_id, d.household_id, d.member_id, ${month},
        CASE WHEN d.program IN ('dibao', 'tekun') AND jsonb_typeof(ea.components->'coveredMemberIds') = 'array'
          THEN greatest(1, jsonb_array_length(ea.components->'coveredMemberIds')) ELSE 1 END,
        ea.amount_fen,
        ea.components || jsonb_build_object('month', ${month}::text, 'amountId', ea.id, 'effectiveMonth', ea.effective_month, 'gradualExit', d.gradual_exit),
        d.bank_name, d.bank_account_kind, d.bank_account, d.bank_account_holder, d.block_reason IS NOT NULL, d.block_reason,
        d.county_code, d.township_code, d.village_code, d.payee_institution_id`;
}

/**
 * What decides an enrollment line: one text per line, from a stored line (its components) or a
 * desired row d. The amount row in force is named by its effective month (unique per enrollment)
 * and never changes once written, so equal fingerprints mean the line is already right.
 */
function lineFingerprint(components: string | null, t: string): SQL {
  const amount = components ? `${components}->>'effectiveMonth'` : `${t}.effective_month`;
  const exit = components ? `coalesce((${components}->>'gradualExit')::boolean, false)::text` : `${t}.gradual_exit::text`;
  // A stored line's hold by the sweep is not part of what the generation decides.
  const column = (c: string) => (components && c === 'block_reason' ? generationBlockReason(t) : `${t}.${c}`);
  return sql.raw(`concat_ws('|', ${amount}, ${exit}, coalesce(${t}.payee_institution_id::text, ''), ${['bank_name', 'bank_account_kind', 'bank_account', 'bank_account_holder', 'block_reason', 'township_code', 'village_code']
    .map((c) => `coalesce(${column(c)}, '')`)
    .join(', ')})`);
}

/** The bench's baseline: exactly the rows step 1 writes for a county, as a plain SELECT. */
export function bareEnrollmentLines(county: string, month: string): SQL {
  return sql`SELECT ${lineValues(month)} FROM (${desiredEnrollmentLines(county, month)}) d ${AMOUNT_JOIN}`;
}

/**
 * Step 1: one line per enrollment that pays in the month, with the working (the amount row's
 * components, which hold the standard, persons, counted income and categories) and the bank
 * account as they are now; lines of this draft whose enrollment no longer pays are removed. An
 * amount row never changes once written (a change is a new row), so "same amount row, same
 * account, same gradual-exit flag" means the line is already right.
 */
export function upsertEnrollmentLines(tx: Tx, runId: string, county: string, month: string, fresh = false): Promise<Counts> {
  if (fresh) {
    // A run just created has no line to compare with or remove: insert what the month owes. The
    // conflict clause still leaves alone a line of the month that another county's run holds.
    return counts(
      tx,
      sql`
      WITH upserted AS (
        INSERT INTO payout_lines AS l (run_id, kind, program, enrollment_id, household_id, member_id, month, persons, amount_fen, components,
          bank_name, bank_account_kind, bank_account, bank_account_holder, blocked, block_reason, county_code, township_code, village_code, payee_institution_id)
        SELECT ${runId}::uuid, ${lineValues(month)}
        FROM (${desiredEnrollmentLines(county, month)}) d ${AMOUNT_JOIN}
        ON CONFLICT (enrollment_id, month) WHERE kind = 'enrollment' DO NOTHING
        RETURNING 1
      )
      SELECT (SELECT count(*) FROM upserted) AS inserted, 0 AS updated, 0 AS removed`,
    );
  }
  return counts(
    tx,
    sql`
    WITH desired AS MATERIALIZED (${desiredEnrollmentLines(county, month)}),
    -- This run's enrollment lines, as (enrollment, fingerprint of what decides the line): read
    -- once through the run's index and hashed, for both the changed rows and the removed ones.
    -- NOT IN over a materialized set is a hashed subplan whatever the statistics say (right
    -- after a large generation they say the table is empty; a join planned on that is quadratic).
    cur AS MATERIALIZED (
      SELECT x.id, x.enrollment_id, ${lineFingerprint('x.components', 'x')} AS fp FROM payout_lines x
      WHERE x.run_id = ${runId}::uuid AND coalesce(x.kind, '') = 'enrollment'
    ),
    changed AS (
      SELECT d.* FROM desired d
      WHERE (d.enrollment_id, ${lineFingerprint(null, 'd')}) NOT IN (SELECT c.enrollment_id, c.fp FROM cur c)
    ),
    upserted AS (
      INSERT INTO payout_lines AS l (run_id, kind, program, enrollment_id, household_id, member_id, month, persons, amount_fen, components,
        bank_name, bank_account_kind, bank_account, bank_account_holder, blocked, block_reason, county_code, township_code, village_code, payee_institution_id)
      SELECT ${runId}::uuid, ${lineValues(month)}
      FROM changed d ${AMOUNT_JOIN}
      ON CONFLICT (enrollment_id, month) WHERE kind = 'enrollment' DO UPDATE SET
        persons = excluded.persons, amount_fen = excluded.amount_fen, components = excluded.components,
        bank_name = excluded.bank_name, bank_account_kind = excluded.bank_account_kind, bank_account = excluded.bank_account,
        bank_account_holder = excluded.bank_account_holder, blocked = excluded.blocked, block_reason = excluded.block_reason,
        member_id = excluded.member_id, payee_institution_id = excluded.payee_institution_id, township_code = excluded.township_code, village_code = excluded.village_code, updated_at = now()
      WHERE l.run_id = excluded.run_id
      RETURNING (xmax = 0) AS fresh
    ),
    -- This run's lines whose enrollment no longer pays, or whose amount now in force is not
    -- positive. Both tests are sublinks that stay hashed subplans (NOT IN, and IN under OR, are
    -- never turned into joins), so no statistics can make this a loop over the run per line.
    gone AS MATERIALIZED (
      SELECT c.id FROM cur c
      WHERE c.enrollment_id NOT IN (SELECT d.enrollment_id FROM desired d)
        OR c.enrollment_id IN (SELECT d.enrollment_id FROM changed d
          JOIN enrollment_amounts ea ON ea.enrollment_id = d.enrollment_id AND ea.effective_month = d.effective_month AND ea.amount_fen <= 0)
    ),
    removed AS (
      -- The ids (this run's, from cur) as one array computed once, each probed through the
      -- primary key; nothing else in the condition, so no plan can scan the run testing each line.
      DELETE FROM payout_lines l WHERE l.id = ANY (ARRAY(SELECT g.id FROM gone g))
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM upserted WHERE fresh) AS inserted, (SELECT count(*) FROM upserted WHERE NOT fresh) AS updated,
      (SELECT count(*) FROM removed) AS removed`,
  );
}

