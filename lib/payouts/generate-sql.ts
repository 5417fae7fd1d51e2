import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { addMonthsToMonth } from '@/lib/programs/rules/calendar-date';

// The set-based statements of a generation. Each is one INSERT … SELECT … ON CONFLICT with its
// DELETE in the same statement (data-modifying CTEs), so a draft is brought to what it should be
// without a row passing through JavaScript, and an unchanged line is neither rewritten nor
// duplicated: rows are compared before the upsert, and only new or different ones are written.
// The eligibility and block rules are lib/payouts/rules.ts (monthVerdict, accountBlockReason).

/** Mirrors accountBlockReason() for a households row aliased h. */
export const BLOCK_REASON_SQL = sql.raw(`CASE
  WHEN h.bank_account IS NULL OR btrim(h.bank_account) = '' THEN '未登记发放账户'
  WHEN h.bank_name IS NULL OR btrim(h.bank_name) = '' THEN '未登记开户银行'
  WHEN h.bank_account_holder IS NULL OR btrim(h.bank_account_holder) = '' THEN '未登记账户名'
  WHEN h.bank_account_kind = 'card' AND h.bank_account !~ '^[0-9]{16,19}$' THEN '银行卡号格式不正确'
  WHEN h.bank_account_kind = 'passbook' AND h.bank_account !~ '^[0-9A-Za-z]{6,30}$' THEN '存折账号格式不正确'
  WHEN h.bank_account_kind IS NULL OR h.bank_account_kind NOT IN ('card', 'passbook') THEN '未登记账户类型'
  WHEN h.status = 'closed' THEN '家庭已销户'
END`);

export interface Counts {
  inserted: number;
  updated: number;
  removed: number;
}

type Row = Record<string, unknown>;
/** postgres.js returns the rows; PGlite returns { rows }. */
export function rowsOf<T = Row>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

async function counts(tx: Tx, statement: SQL): Promise<Counts> {
  const [r] = rowsOf<{ inserted: string | number; updated: string | number; removed: string | number }>(await tx.execute(statement));
  return { inserted: Number(r?.inserted ?? 0), updated: Number(r?.updated ?? 0), removed: Number(r?.removed ?? 0) };
}

/**
 * The enrollment that pays in month M, with the amount row in force and the month's status
 * (the latest approved suspend / resume / terminate not after M): monthVerdict() in SQL.
 */
function desiredEnrollmentLines(county: string, month: string): SQL {
  return sql`
    SELECT e.id AS enrollment_id, e.program, e.household_id, e.member_id,
      e.county_code, e.township_code, e.village_code,
      a.effective_month, coalesce(st.kind = 'terminate', false) AS gradual_exit,
      h.bank_name, h.bank_account_kind, h.bank_account, h.bank_account_holder, ${BLOCK_REASON_SQL} AS block_reason
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
        d.county_code, d.township_code, d.village_code`;
}

/**
 * What decides an enrollment line: one text per line, from a stored line (its components) or a
 * desired row d. The amount row in force is named by its effective month (unique per enrollment)
 * and never changes once written, so equal fingerprints mean the line is already right.
 */
function lineFingerprint(components: string | null, t: string): SQL {
  const amount = components ? `${components}->>'effectiveMonth'` : `${t}.effective_month`;
  const exit = components ? `coalesce((${components}->>'gradualExit')::boolean, false)::text` : `${t}.gradual_exit::text`;
  return sql.raw(`concat_ws('|', ${amount}, ${exit}, ${['bank_name', 'bank_account_kind', 'bank_account', 'bank_account_holder', 'block_reason', 'township_code', 'village_code']
    .map((c) => `coalesce(${t}.${c}, '')`)
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
          bank_name, bank_account_kind, bank_account, bank_account_holder, blocked, block_reason, county_code, township_code, village_code)
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
        bank_name, bank_account_kind, bank_account, bank_account_holder, blocked, block_reason, county_code, township_code, village_code)
      SELECT ${runId}::uuid, ${lineValues(month)}
      FROM changed d ${AMOUNT_JOIN}
      ON CONFLICT (enrollment_id, month) WHERE kind = 'enrollment' DO UPDATE SET
        persons = excluded.persons, amount_fen = excluded.amount_fen, components = excluded.components,
        bank_name = excluded.bank_name, bank_account_kind = excluded.bank_account_kind, bank_account = excluded.bank_account,
        bank_account_holder = excluded.bank_account_holder, blocked = excluded.blocked, block_reason = excluded.block_reason,
        member_id = excluded.member_id, township_code = excluded.township_code, village_code = excluded.village_code, updated_at = now()
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

/**
 * The non-enrollment lines a month owes, each keyed by its source (kind, source_id, month):
 * 补发 arrears due this month; 扣回 recovery instalments (recoveryDeduction() in SQL, taken from
 * this run's unblocked enrollment line); re-issues of earlier failed or blocked lines once the
 * account was changed or confirmed (blocked: once valid); temporary-aid payments approved for
 * bank transfer in the month; and 价格临时补贴 per household, for the distinct covered persons of
 * the chosen programs.
 */
function desiredOtherLines(runId: string, county: string, month: string): SQL {
  const city = `${county.slice(0, 4)}00`;
  const province = `${county.slice(0, 2)}0000`;
  return sql`
    SELECT 'arrears' AS kind, e.program, e.id AS enrollment_id, adj.id::text AS source_id, e.household_id, e.member_id,
      1 AS persons, adj.total_fen AS amount_fen,
      jsonb_build_object('month', ${month}::text, 'adjustmentId', adj.id, 'forMonth', adj.for_month, 'reason', adj.reason) AS components
    FROM payout_adjustments adj JOIN enrollments e ON e.id = adj.enrollment_id
    WHERE adj.kind = 'arrears' AND adj.cancelled_at IS NULL AND adj.start_month = ${month} AND e.county_code = ${county}
    UNION ALL
    SELECT 'recovery', e.program, e.id, adj.id::text, e.household_id, e.member_id, 1,
      -least(coalesce(adj.per_month_fen, adj.total_fen), adj.total_fen - done.fen, el.amount_fen - coalesce(adj.floor_fen, 0)),
      jsonb_build_object('month', ${month}::text, 'adjustmentId', adj.id, 'reason', adj.reason, 'totalFen', adj.total_fen,
        'recoveredBeforeFen', done.fen, 'floorFen', coalesce(adj.floor_fen, 0), 'perMonthFen', adj.per_month_fen, 'lineId', el.id)
    FROM payout_adjustments adj
    JOIN enrollments e ON e.id = adj.enrollment_id
    JOIN payout_lines el ON el.run_id = ${runId}::uuid AND el.kind = 'enrollment' AND el.enrollment_id = adj.enrollment_id AND NOT el.blocked
    CROSS JOIN LATERAL (
      SELECT coalesce(-sum(r.amount_fen), 0)::bigint AS fen FROM payout_lines r
      WHERE r.kind = 'recovery' AND r.source_id = adj.id::text AND r.month < ${month}
    ) done
    WHERE adj.kind = 'recovery' AND adj.cancelled_at IS NULL AND adj.start_month <= ${month} AND e.county_code = ${county}
      AND least(coalesce(adj.per_month_fen, adj.total_fen), adj.total_fen - done.fen, el.amount_fen - coalesce(adj.floor_fen, 0)) > 0
    UNION ALL
    SELECT 'reissue', f.program, f.enrollment_id, f.id::text, f.household_id, f.member_id, f.persons,
      f.amount_fen + coalesce((SELECT sum(r.amount_fen) FROM payout_lines r WHERE r.run_id = f.run_id AND r.kind = 'recovery'
        AND f.kind = 'enrollment' AND r.enrollment_id = f.enrollment_id), 0)::bigint,
      jsonb_build_object('month', ${month}::text, 'reissueOf', f.id, 'originalMonth', f.month, 'originalKind', f.kind,
        'reason', coalesce(f.failure_reason, f.block_reason), 'original', f.components)
    FROM payout_lines f
    JOIN payout_runs fr ON fr.id = f.run_id AND fr.state <> 'draft'
    -- The household of each candidate line, probed by its key (OFFSET 0 keeps the probe): the
    -- candidates are a few per cent of a county, and a hash of every household costs seconds.
    CROSS JOIN LATERAL (SELECT * FROM households hh WHERE hh.id = f.household_id OFFSET 0) h
    WHERE f.county_code = ${county} AND (f.status = 'failed' OR f.blocked) AND f.month < ${month} AND f.kind <> 'recovery'
      AND (${BLOCK_REASON_SQL}) IS NULL
      AND (f.blocked
        OR (h.bank_name, h.bank_account, h.bank_account_holder) IS DISTINCT FROM (f.bank_name, f.bank_account, f.bank_account_holder)
        OR EXISTS (SELECT 1 FROM payout_account_confirmations c WHERE c.line_id = f.id))
      AND NOT EXISTS (SELECT 1 FROM payout_lines r WHERE r.kind = 'reissue' AND r.source_id = f.id::text AND r.run_id <> ${runId}::uuid)
    UNION ALL
    SELECT 'temp_aid', 'temp', NULL, tp.id::text, tp.household_id, NULL, 1, tp.amount_fen,
      jsonb_build_object('month', ${month}::text, 'tempAidPaymentId', tp.id, 'caseId', tp.case_id, 'purpose', tp.purpose, 'approvedOn', tp.approved_on)
    FROM temp_aid_payments tp
    WHERE tp.county_code = ${county} AND tp.month = ${month} AND tp.method = 'bank' AND tp.status = 'approved'
    UNION ALL
    SELECT 'price_subsidy', 'price', NULL, ps.id::text || ':' || p.household_id::text, p.household_id, NULL,
      p.persons::int, p.persons * ps.per_person_fen,
      jsonb_build_object('month', ${month}::text, 'priceSubsidyId', ps.id, 'perPersonFen', ps.per_person_fen, 'persons', p.persons,
        'programs', to_jsonb(ps.programs), 'note', ps.note)
    FROM price_subsidies ps
    CROSS JOIN LATERAL (
      SELECT x.household_id, count(DISTINCT x.person) AS persons FROM (
        SELECT l.household_id, coalesce(cm.person, l.member_id::text, l.id::text || '#' || n.i) AS person
        FROM payout_lines l
        LEFT JOIN LATERAL jsonb_array_elements_text(CASE WHEN jsonb_typeof(l.components->'coveredMemberIds') = 'array'
          THEN l.components->'coveredMemberIds' END) cm(person) ON true
        LEFT JOIN LATERAL generate_series(1, CASE WHEN cm.person IS NULL AND l.member_id IS NULL THEN l.persons ELSE 1 END) n(i) ON true
        WHERE l.run_id = ${runId}::uuid AND l.kind = 'enrollment' AND l.program = ANY (ps.programs)
      ) x GROUP BY x.household_id
    ) p
    WHERE ps.month = ${month} AND ps.region_code IN (${county}, ${city}, ${province})`;
}

/** Steps 2–3: the non-enrollment lines, upserted by source, with the draft's stale ones removed. */
export function upsertOtherLines(tx: Tx, runId: string, county: string, month: string, fresh = false): Promise<Counts> {
  // A run just created holds no line but the enrollment lines of this transaction: nothing to
  // remove, and no reason to read them all to find that out.
  const removed = fresh
    ? sql`SELECT 1 WHERE false`
    : sql`
      DELETE FROM payout_lines l WHERE l.run_id = ${runId}::uuid AND l.kind <> 'enrollment'
        AND (l.kind, l.source_id) NOT IN (SELECT d.kind, d.source_id FROM desired d)
      RETURNING 1`;
  return counts(
    tx,
    sql`
    WITH wanted AS (${desiredOtherLines(runId, county, month)}),
    desired AS MATERIALIZED (
      SELECT w.*, h.county_code, h.township_code, h.village_code,
        h.bank_name, h.bank_account_kind, h.bank_account, h.bank_account_holder, ${BLOCK_REASON_SQL} AS block_reason
      FROM wanted w JOIN households h ON h.id = w.household_id
    ),
    changed AS (
      SELECT d.* FROM desired d
      LEFT JOIN payout_lines cur ON cur.run_id = ${runId}::uuid AND cur.kind = d.kind AND cur.source_id = d.source_id AND cur.month = ${month}
      WHERE cur.id IS NULL
        OR ((cur.run_id = ${runId}::uuid AND (
          (cur.amount_fen, cur.persons, cur.components, cur.bank_name, cur.bank_account_kind, cur.bank_account, cur.bank_account_holder, cur.block_reason)
          IS DISTINCT FROM (d.amount_fen, d.persons, d.components, d.bank_name, d.bank_account_kind, d.bank_account, d.bank_account_holder, d.block_reason))))
    ),
    upserted AS (
      INSERT INTO payout_lines AS l (run_id, kind, program, enrollment_id, source_id, household_id, member_id, month, persons, amount_fen, components,
        bank_name, bank_account_kind, bank_account, bank_account_holder, blocked, block_reason, county_code, township_code, village_code)
      SELECT ${runId}::uuid, d.kind, d.program, d.enrollment_id, d.source_id, d.household_id, d.member_id, ${month}, d.persons, d.amount_fen, d.components,
        d.bank_name, d.bank_account_kind, d.bank_account, d.bank_account_holder, d.block_reason IS NOT NULL, d.block_reason,
        d.county_code, d.township_code, d.village_code
      FROM changed d
      ON CONFLICT (kind, source_id, month) WHERE source_id IS NOT NULL DO UPDATE SET
        persons = excluded.persons, amount_fen = excluded.amount_fen, components = excluded.components,
        bank_name = excluded.bank_name, bank_account_kind = excluded.bank_account_kind, bank_account = excluded.bank_account,
        bank_account_holder = excluded.bank_account_holder, blocked = excluded.blocked, block_reason = excluded.block_reason, updated_at = now()
      WHERE l.run_id = excluded.run_id
      RETURNING (xmax = 0) AS fresh
    ),
    removed AS (${removed})
    SELECT (SELECT count(*) FROM upserted WHERE fresh) AS inserted, (SELECT count(*) FROM upserted WHERE NOT fresh) AS updated,
      (SELECT count(*) FROM removed) AS removed`,
  );
}

/**
 * Step 4: the run's totals and its summary: per program and kind the lines, households, persons
 * and money; and for enrollment lines the movement against last month's run of the county
 * (movementOf() in SQL): 新增, 停保, 自然减员 (the person died or the household has nobody left),
 * 增发 and 减发. Stored on the run, so the run page reads one row however many lines.
 */
export async function writeTotals(tx: Tx, runId: string, county: string, month: string, userId: string): Promise<void> {
  const previous = addMonthsToMonth(month, -1);
  await tx.execute(sql`
    WITH cur AS (SELECT id, kind, program, enrollment_id, household_id, persons, amount_fen, blocked FROM payout_lines WHERE run_id = ${runId}::uuid),
    prev_run AS (SELECT id, total_fen, line_count FROM payout_runs WHERE county_code = ${county} AND month = ${previous}),
    -- coalesce(kind): last month's lines through the run's index alone, never a bitmap of every
    -- enrollment line of every month through the partial (enrollment, month) index.
    prev AS (SELECT p.id, p.program, p.enrollment_id, p.household_id, p.persons, p.amount_fen FROM payout_lines p JOIN prev_run pr ON pr.id = p.run_id WHERE coalesce(p.kind, '') = 'enrollment'),
    -- Households counted through a hashed DISTINCT, not count(DISTINCT …), which sorts.
    by_kind AS (
      SELECT k.*, (SELECT count(*) FROM (SELECT DISTINCT c.household_id FROM cur c WHERE c.kind = k.kind AND c.program = k.program) x) AS households
      FROM (
        SELECT kind, program, count(*) AS lines, sum(persons) AS persons,
          sum(amount_fen) AS amount_fen, count(*) FILTER (WHERE blocked) AS blocked_lines,
          coalesce(sum(amount_fen) FILTER (WHERE blocked), 0) AS blocked_fen
        FROM cur GROUP BY kind, program
      ) k
    ),
    moved AS (
      SELECT coalesce(c.program, p.program) AS program,
        CASE
          WHEN p.id IS NULL THEN 'new'
          -- The enrollment and its member are read for the stopped lines only (a subquery the CASE
          -- reaches for them alone), not probed for every line of last month.
          WHEN c.id IS NULL THEN CASE WHEN coalesce((
              SELECT (m.status = 'deceased') OR e.status_reason ~ '(死亡|去世|病故|亡故)'
              FROM enrollments e LEFT JOIN members m ON m.id = e.member_id WHERE e.id = p.enrollment_id), false)
              OR NOT EXISTS (SELECT 1 FROM members hm WHERE hm.household_id = p.household_id AND hm.status = 'active')
            THEN 'attrition' ELSE 'stopped' END
          WHEN c.amount_fen > p.amount_fen THEN 'increased'
          WHEN c.amount_fen < p.amount_fen THEN 'decreased'
          ELSE 'unchanged'
        END AS movement,
        coalesce(c.amount_fen, 0) - coalesce(p.amount_fen, 0) AS delta_fen,
        coalesce(c.persons, 0) - coalesce(p.persons, 0) AS delta_persons
      FROM (SELECT * FROM cur WHERE kind = 'enrollment') c
      FULL JOIN prev p ON p.enrollment_id = c.enrollment_id
    ),
    movement AS (
      SELECT program, movement, count(*) AS lines, sum(delta_fen) AS delta_fen, sum(delta_persons) AS delta_persons
      FROM moved WHERE movement <> 'unchanged' GROUP BY program, movement
    ),
    prev_by_program AS (
      SELECT program, count(*) AS lines, count(*) AS households, sum(persons) AS persons, sum(amount_fen) AS amount_fen
      FROM prev GROUP BY program -- one enrollment line per household and program
    ),
    totals AS (
      SELECT count(*) AS lines, count(*) FILTER (WHERE blocked) AS blocked, coalesce(sum(amount_fen), 0) AS total,
        count(*) FILTER (WHERE NOT blocked AND kind <> 'recovery') AS payable_lines,
        coalesce(sum(amount_fen) FILTER (WHERE NOT blocked), 0) AS payable_fen,
        (SELECT count(*) FROM (SELECT DISTINCT household_id FROM cur) x) AS households
      FROM cur
    )
    UPDATE payout_runs r SET
      line_count = t.lines, blocked_count = t.blocked, total_fen = t.total,
      generated_at = now(), prepared_by = ${userId}::uuid, version = r.version + 1,
      summary = jsonb_build_object(
        'previousMonth', ${previous}::text,
        'previousRun', (SELECT jsonb_build_object('id', id, 'totalFen', total_fen, 'lines', line_count) FROM prev_run),
        'households', t.households, 'payableLines', t.payable_lines, 'payableFen', t.payable_fen,
        'byKind', coalesce((SELECT jsonb_agg(to_jsonb(k) ORDER BY k.kind, k.program) FROM by_kind k), '[]'::jsonb),
        'movement', coalesce((SELECT jsonb_agg(to_jsonb(mv) ORDER BY mv.program, mv.movement) FROM movement mv), '[]'::jsonb),
        'previousByProgram', coalesce((SELECT jsonb_agg(to_jsonb(pp) ORDER BY pp.program) FROM prev_by_program pp), '[]'::jsonb))
    FROM totals t
    WHERE r.id = ${runId}::uuid`);
}
