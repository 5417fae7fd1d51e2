import 'server-only';
import { sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { addMonthsToMonth } from '@/lib/core/calendar-date';

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
        -- The one movement rule of the run page and the reports (doudi_line_movement, migration
        -- 0017); for a stopped line it reads the enrollment and its member, for no other.
        doudi_line_movement(c.amount_fen, p.amount_fen, c.persons, p.persons, p.enrollment_id, p.household_id) AS movement,
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
