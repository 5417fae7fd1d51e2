import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { BLOCK_REASON_SQL, counts, generationBlockReason, type Counts } from './common';

// Steps 2–3 of a generation: every line that is not an enrollment month, keyed by its source.

/** 补发 arrears whose month has come. */
function arrearsLines(county: string, month: string): SQL {
  return sql`
    SELECT 'arrears' AS kind, e.program, e.id AS enrollment_id, adj.id::text AS source_id, e.household_id, e.member_id,
      1 AS persons, adj.total_fen AS amount_fen,
      jsonb_build_object('month', ${month}::text, 'adjustmentId', adj.id, 'forMonth', adj.for_month, 'reason', adj.reason) AS components
    FROM payout_adjustments adj JOIN enrollments e ON e.id = adj.enrollment_id
    WHERE adj.kind = 'arrears' AND adj.cancelled_at IS NULL AND adj.start_month = ${month} AND e.county_code = ${county}`;
}

/**
 * 扣回 recovery instalments: recoveryDeduction() in SQL, taken from this run's unblocked
 * enrollment line, never more than the instalment, what is still owed, or what leaves the floor.
 */
function recoveryLines(runId: string, county: string, month: string): SQL {
  return sql`
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
      AND least(coalesce(adj.per_month_fen, adj.total_fen), adj.total_fen - done.fen, el.amount_fen - coalesce(adj.floor_fen, 0)) > 0`;
}

/**
 * Re-issues of earlier failed or blocked lines once the account was changed or confirmed
 * (blocked: once valid).
 */
function reissueLines(runId: string, county: string, month: string): SQL {
  return sql`
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
      -- An institution's line (集中供养) is never re-issued to the household's account.
      AND f.payee_institution_id IS NULL
      AND (${BLOCK_REASON_SQL}) IS NULL
      AND (f.blocked
        OR (h.bank_name, h.bank_account, h.bank_account_holder) IS DISTINCT FROM (f.bank_name, f.bank_account, f.bank_account_holder)
        OR EXISTS (SELECT 1 FROM payout_account_confirmations c WHERE c.line_id = f.id))
      AND NOT EXISTS (SELECT 1 FROM payout_lines r WHERE r.kind = 'reissue' AND r.source_id = f.id::text AND r.run_id <> ${runId}::uuid)`;
}

/** Temporary-aid payments approved for bank transfer in the month. */
function tempAidLines(county: string, month: string): SQL {
  return sql`
    SELECT 'temp_aid', 'temp', NULL, tp.id::text, tp.household_id, NULL, 1, tp.amount_fen,
      jsonb_build_object('month', ${month}::text, 'tempAidPaymentId', tp.id, 'caseId', tp.case_id, 'purpose', tp.purpose, 'approvedOn', tp.approved_on)
    FROM temp_aid_payments tp
    WHERE tp.county_code = ${county} AND tp.month = ${month} AND tp.method = 'bank' AND tp.status = 'approved'`;
}

/** 价格临时补贴 per household, for the distinct covered persons of the chosen programs. */
function priceSubsidyLines(runId: string, county: string, month: string): SQL {
  const city = `${county.slice(0, 4)}00`;
  const province = `${county.slice(0, 2)}0000`;
  return sql`
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

/**
 * The non-enrollment lines a month owes, each keyed by its source (kind, source_id, month). Every
 * fragment yields the same columns in the same order, named by the first: kind, program,
 * enrollment_id, source_id, household_id, member_id, persons, amount_fen, components.
 */
function desiredOtherLines(runId: string, county: string, month: string): SQL {
  return sql.join(
    [
      arrearsLines(county, month),
      recoveryLines(runId, county, month),
      reissueLines(runId, county, month),
      tempAidLines(county, month),
      priceSubsidyLines(runId, county, month),
    ],
    sql`\n    UNION ALL\n`,
  );
}

/** The changed rows d of one class of kinds, inserted or updated in place through its unique index. */
function upsert(runId: string, month: string, kinds: SQL, conflict: SQL): SQL {
  return sql`
      INSERT INTO payout_lines AS l (run_id, kind, program, enrollment_id, source_id, household_id, member_id, month, persons, amount_fen, components,
        bank_name, bank_account_kind, bank_account, bank_account_holder, blocked, block_reason, county_code, township_code, village_code)
      SELECT ${runId}::uuid, d.kind, d.program, d.enrollment_id, d.source_id, d.household_id, d.member_id, ${month}, d.persons, d.amount_fen, d.components,
        d.bank_name, d.bank_account_kind, d.bank_account, d.bank_account_holder, d.block_reason IS NOT NULL, d.block_reason,
        d.county_code, d.township_code, d.village_code
      FROM changed d WHERE ${kinds}
      ON CONFLICT ${conflict} DO UPDATE SET
        persons = excluded.persons, amount_fen = excluded.amount_fen, components = excluded.components,
        bank_name = excluded.bank_name, bank_account_kind = excluded.bank_account_kind, bank_account = excluded.bank_account,
        bank_account_holder = excluded.bank_account_holder, blocked = excluded.blocked, block_reason = excluded.block_reason, updated_at = now()
      WHERE l.run_id = excluded.run_id
      RETURNING (xmax = 0) AS fresh`;
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
        OR (cur.amount_fen, cur.persons, cur.components, cur.bank_name, cur.bank_account_kind, cur.bank_account, cur.bank_account_holder, ${sql.raw(generationBlockReason('cur'))})
          IS DISTINCT FROM (d.amount_fen, d.persons, d.components, d.bank_name, d.bank_account_kind, d.bank_account, d.bank_account_holder, d.block_reason)
    ),
    -- A source is held by one line only (payout_lines_one_holder_uq): a line that another run
    -- holds is left where it is. 扣回 is the exception by design, one instalment a month.
    once AS (${upsert(runId, month, sql`d.kind <> 'recovery'`, sql`(kind, source_id) WHERE source_id IS NOT NULL AND kind <> 'recovery'`)}),
    monthly AS (${upsert(runId, month, sql`d.kind = 'recovery'`, sql`(kind, source_id, month) WHERE source_id IS NOT NULL`)}),
    upserted AS (SELECT fresh FROM once UNION ALL SELECT fresh FROM monthly),
    removed AS (${removed})
    SELECT (SELECT count(*) FROM upserted WHERE fresh) AS inserted, (SELECT count(*) FROM upserted WHERE NOT fresh) AS updated,
      (SELECT count(*) FROM removed) AS removed`,
  );
}

