import 'server-only';
import { sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { rowsOf } from '@/lib/core/sql';
import { flagKindLabels } from '../labels';
import { SWEEP_HOLD_PREFIX } from './common';
import { recordedDeaths } from './recorded-dead';

// 数据核查: after every generation, one pass of set-based SQL over the run's lines finds what a
// person should look at before the bank pays (a covered member recorded dead, an account another
// household is paid to, the same resident ID paid by another county's run of the month, an account
// holder who is no member of the household, a phone many households give). Each finding is a row
// of payout_line_flags; a line with an open (or 暂缓) finding is held: blocked, with the reason.

export interface SweepResult {
  found: number;
  /** Lines held or released by this sweep: the run's totals must be written again. */
  linesChanged: number;
}

const mask = (id: string) => `left(${id}, 6) || '********' || right(${id}, 4)`;
const kindLabelSql = sql.raw(`CASE f.kind ${Object.entries(flagKindLabels).map(([k, v]) => `WHEN '${k}' THEN '${v}'`).join(' ')} ELSE f.kind END`);

/**
 * The findings of one run, written as flags: a new one is open; one found again keeps its state
 * (a resolved one stays resolved); an open one no longer found is dropped. Lines blocked for the
 * generation's own reasons (no usable account) are not swept: they pay nothing, and a later run
 * re-issues and sweeps them. 扣回 lines go with the line they deduct from.
 */
async function writeFlags(tx: Tx, run: { id: string; countyCode: string; month: string }, sharedPhoneHouseholds: number): Promise<number> {
  // Planned with no idea how many lines there are: the sweep runs in the transaction that wrote
  // them, so the statistics say a run has a handful (a first generation of 144,000 lines ran past
  // 30 minutes when a CTE was joined to another CTE and rescanned per row). So every step here is
  // one probe per line or per person into a table's index (LATERAL … OFFSET 0, or a correlated
  // subquery), and no two derived sets are ever joined: linear whatever the planner believes.
  const [r] = rowsOf<{ found: string | number }>(
    await tx.execute(sql`
    WITH lines AS MATERIALIZED (
      SELECT l.id, l.household_id, l.member_id, l.bank_account, btrim(l.bank_account_holder) AS holder, l.payee_institution_id,
        coalesce(l.components->'coveredMemberIds', l.components->'original'->'coveredMemberIds') AS covered
      FROM payout_lines l
      WHERE l.run_id = ${run.id}::uuid AND l.kind <> 'recovery' AND (NOT l.blocked OR l.block_reason LIKE ${`${SWEEP_HOLD_PREFIX}%`})
    ),
    -- The persons a line pays for: its member (特困, a subsidy) or those its amount was computed for,
    -- all rows of the line's household (a member who moves gets a new row in the other household;
    -- the old one stays here).
    persons AS MATERIALIZED (
      SELECT l.id AS line_id, m.id AS member_id, m.household_id, m.name, m.id_number, m.status, m.left_on
      FROM lines l
      CROSS JOIN LATERAL (SELECT m.id, m.household_id, m.name, m.id_number, m.status, m.left_on FROM members m WHERE m.household_id = l.household_id OFFSET 0) m
      WHERE m.id = l.member_id OR (jsonb_typeof(l.covered) = 'array' AND l.covered ? m.id::text)
    ),
    dead AS (${recordedDeaths('persons')}),
    -- The line's account and phone with how many households give each (index counts, line by line).
    hh AS MATERIALIZED (
      SELECT l.id AS line_id, l.household_id, l.bank_account, l.holder, l.payee_institution_id, h.phone,
        CASE WHEN l.bank_account IS NOT NULL THEN (SELECT count(*) FROM households a WHERE a.bank_account = l.bank_account)
          - CASE WHEN h.bank_account = l.bank_account THEN 1 ELSE 0 END END AS account_others,
        CASE WHEN btrim(coalesce(h.phone, '')) <> '' THEN (SELECT count(*) FROM households p WHERE p.phone = h.phone) END AS phone_households
      FROM lines l CROSS JOIN LATERAL (SELECT h.bank_account, h.phone FROM households h WHERE h.id = l.household_id OFFSET 0) h
    ),
    -- Where else a covered person could be paid this month: the person's own registry row, when its
    -- household has a line in another county's run of the month (a household that moved county), and
    -- every other row with the same ID. Of two rows with one ID at most one is active
    -- (members_active_id_number_uq), so one side of such a pair is an inactive row: every person is
    -- looked up among the inactive rows (members_inactive_id_number_idx, small), an inactive person
    -- among all rows.
    rows_of AS (
      SELECT p.line_id, p.name, p.id_number, p.member_id AS row_id, p.household_id AS row_household
      FROM persons p
      WHERE EXISTS (SELECT 1 FROM payout_lines l2 JOIN payout_runs r2 ON r2.id = l2.run_id
                    WHERE l2.household_id = p.household_id AND l2.month = ${run.month} AND r2.county_code <> ${run.countyCode})
      UNION
      SELECT p.line_id, p.name, p.id_number, m2.id, m2.household_id
      FROM persons p CROSS JOIN LATERAL (
        SELECT m2.id, m2.household_id FROM members m2 WHERE m2.id_number = p.id_number AND m2.status <> 'active' AND m2.id <> p.member_id OFFSET 0) m2
      UNION
      SELECT p.line_id, p.name, p.id_number, m2.id, m2.household_id
      FROM persons p CROSS JOIN LATERAL (
        SELECT m2.id, m2.household_id FROM members m2 WHERE m2.id_number = p.id_number AND m2.id <> p.member_id OFFSET 0) m2
      WHERE p.status <> 'active'
    ),
    elsewhere AS (
      SELECT DISTINCT o.line_id, o.name, ${sql.raw(mask('o.id_number'))} AS masked, coalesce(rg.name, r2.county_code) AS county_name
      FROM rows_of o
      CROSS JOIN LATERAL (SELECT l2.run_id, l2.member_id, l2.components FROM payout_lines l2
                          WHERE l2.household_id = o.row_household AND l2.month = ${run.month} AND l2.kind <> 'recovery' OFFSET 0) l2
      JOIN payout_runs r2 ON r2.id = l2.run_id AND r2.county_code <> ${run.countyCode}
      LEFT JOIN regions rg ON rg.code = r2.county_code
      WHERE l2.member_id = o.row_id OR (jsonb_typeof(l2.components->'coveredMemberIds') = 'array' AND l2.components->'coveredMemberIds' @> jsonb_build_array(o.row_id::text))
    ),
    found AS (
      SELECT p.line_id, 'deceased_member'::text AS kind,
        string_agg(p.name || '（身份证号 ' || ${sql.raw(mask('p.id_number'))} || '）已登记死亡' || coalesce('，死亡日期 ' || p.died_on, ''), '；' ORDER BY p.name) AS detail
      FROM dead p GROUP BY p.line_id
      UNION ALL
      -- A 供养机构's account is every resident's payee: not a shared household account, and the institution holds it.
      SELECT hh.line_id, 'shared_account', '发放账号尾号 ' || right(hh.bank_account, 4) || ' 同时是其他 ' || hh.account_others || ' 户的发放账户'
      FROM hh WHERE hh.account_others > 0 AND hh.payee_institution_id IS NULL
      UNION ALL
      SELECT e.line_id, 'paid_elsewhere', string_agg(e.name || '（身份证号 ' || e.masked || '）同月也在' || e.county_name || '的发放批次中', '；' ORDER BY e.county_name, e.name)
      FROM elsewhere e GROUP BY e.line_id
      UNION ALL
      SELECT hh.line_id, 'holder_not_member', '账户名“' || hh.holder || '”不是本户在册成员'
      FROM hh WHERE coalesce(hh.holder, '') <> '' AND hh.payee_institution_id IS NULL
        AND NOT EXISTS (SELECT 1 FROM members mm WHERE mm.household_id = hh.household_id AND mm.status = 'active' AND btrim(mm.name) = hh.holder)
      UNION ALL
      SELECT hh.line_id, 'shared_phone', '联系电话尾号 ' || right(hh.phone, 4) || ' 登记在 ' || hh.phone_households || ' 户（达到 ' || ${sharedPhoneHouseholds}::int || ' 户即核查）'
      FROM hh WHERE hh.phone_households >= ${sharedPhoneHouseholds}
    ),
    upserted AS (
      INSERT INTO payout_line_flags AS f (run_id, line_id, kind, detail)
      SELECT ${run.id}::uuid, x.line_id, x.kind, x.detail FROM found x
      ON CONFLICT (line_id, kind) DO UPDATE SET detail = excluded.detail WHERE f.state = 'open' AND f.detail <> excluded.detail
      RETURNING 1
    ),
    -- The open findings not found again: a set difference (EXCEPT hashes both sides, once), each
    -- then deleted through the (line_id, kind) index. (An anti join against the CTE was planned as a
    -- loop over it for every flag: 69 s for a 63,000-line run's 24,608 flags.)
    stale AS (
      DELETE FROM payout_line_flags f
      USING (SELECT g.line_id, g.kind FROM payout_line_flags g WHERE g.run_id = ${run.id}::uuid AND g.state = 'open'
             EXCEPT SELECT x.line_id, x.kind FROM found x) s
      WHERE f.line_id = s.line_id AND f.kind = s.kind AND f.state = 'open'
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM found) AS found, (SELECT count(*) FROM upserted) + (SELECT count(*) FROM stale) AS written`),
  );
  return Number(r?.found ?? 0);
}

/**
 * Holds the lines with an open or 暂缓 finding, with the findings as the reason, and releases the
 * lines this sweep held whose findings are all resolved. Called by the sweep and by a resolution.
 */
export async function applyHolds(tx: Tx, runId: string): Promise<number> {
  const [r] = rowsOf<{ held: string | number; released: string | number }>(
    await tx.execute(sql`
    WITH flagged AS (
      SELECT f.line_id,
        CASE WHEN bool_or(f.state = 'open') THEN ${`${SWEEP_HOLD_PREFIX}待处理：`} ELSE ${`${SWEEP_HOLD_PREFIX}暂缓发放：`} END
          || string_agg(DISTINCT ${kindLabelSql}, '、') AS reason
      FROM payout_line_flags f WHERE f.run_id = ${runId}::uuid AND f.state IN ('open', 'held') GROUP BY f.line_id
    ),
    held AS (
      UPDATE payout_lines l SET blocked = true, block_reason = x.reason, updated_at = now()
      FROM flagged x
      WHERE l.id = x.line_id AND l.run_id = ${runId}::uuid AND (NOT l.blocked OR l.block_reason LIKE ${`${SWEEP_HOLD_PREFIX}%`})
        AND l.block_reason IS DISTINCT FROM x.reason
      RETURNING 1
    ),
    released AS (
      UPDATE payout_lines l SET blocked = false, block_reason = NULL, updated_at = now()
      WHERE l.run_id = ${runId}::uuid AND l.blocked AND l.block_reason LIKE ${`${SWEEP_HOLD_PREFIX}%`}
        -- against the flags themselves (an index probe per held line), not the CTE (a loop over it per line)
        AND NOT EXISTS (SELECT 1 FROM payout_line_flags f WHERE f.line_id = l.id AND f.state IN ('open', 'held'))
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM held) AS held, (SELECT count(*) FROM released) AS released`),
  );
  return Number(r?.held ?? 0) + Number(r?.released ?? 0);
}

/** The sweep of a draft's lines, inside the generating transaction (the caller holds the run's row lock). */
export async function sweepRun(tx: Tx, run: { id: string; countyCode: string; month: string }, sharedPhoneHouseholds: number): Promise<SweepResult> {
  const found = await writeFlags(tx, run, sharedPhoneHouseholds);
  return { found, linesChanged: await applyHolds(tx, run.id) };
}
