ALTER TABLE "enrollment_changes" ADD COLUMN "reason_code" text;--> statement-breakpoint
ALTER TABLE "enrollments" ADD COLUMN "end_reason_code" text;
--> statement-breakpoint
ALTER TABLE "enrollment_changes" ADD CONSTRAINT "enrollment_changes_reason_code_ck"
  CHECK (reason_code IS NULL OR reason_code IN ('death', 'moved_away', 'income_rose', 'tekun_instead', 'other'));--> statement-breakpoint
ALTER TABLE "enrollments" ADD CONSTRAINT "enrollments_end_reason_code_ck"
  CHECK (end_reason_code IS NULL OR end_reason_code IN ('death', 'moved_away', 'income_rose', 'tekun_instead', 'other'));--> statement-breakpoint
-- Terminations made before the code existed: their free text, read once here (and never again)
-- to give them a code; anything unclear is 'other'.
UPDATE "enrollment_changes" SET reason_code = CASE WHEN reason ~ '(死亡|去世|病故|亡故|过世|已故|逝世)' THEN 'death' ELSE 'other' END
WHERE kind = 'terminate' AND reason_code IS NULL;--> statement-breakpoint
UPDATE "enrollments" SET end_reason_code = CASE WHEN status_reason ~ '(死亡|去世|病故|亡故|过世|已故|逝世)' THEN 'death' ELSE 'other' END
WHERE status = 'terminated' AND end_reason_code IS NULL AND decided_by IS NOT NULL AND end_month IS NOT NULL;--> statement-breakpoint
-- 自然减员 (lib/enrollments/end-reasons.ts isNaturalEnd): the enrollment ended for death, its
-- person is registered deceased, or its household has nobody left. One definition for the run
-- summary (generation), the reports' movements and the monthly notice.
CREATE OR REPLACE FUNCTION doudi_natural_end(p_enrollment uuid, p_household uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT coalesce((SELECT e.end_reason_code = 'death' OR coalesce(m.status = 'deceased', false)
                   FROM enrollments e LEFT JOIN members m ON m.id = e.member_id WHERE e.id = p_enrollment), false)
    OR NOT EXISTS (SELECT 1 FROM members hm WHERE hm.household_id = p_household AND hm.status = 'active')
$$;
--> statement-breakpoint
-- A line's movement against last month, the one rule of the run summary and the reports: 新增
-- (this month only), 停保 or 自然减员 (last month only), 增发 / 减发 (more or less money, or the
-- same money for more or fewer persons), unchanged. A missing side is NULL.
CREATE OR REPLACE FUNCTION doudi_line_movement(now_fen bigint, before_fen bigint, now_persons int, before_persons int, p_enrollment uuid, p_household uuid)
RETURNS text LANGUAGE sql STABLE AS $$
  SELECT CASE
    WHEN before_fen IS NULL THEN 'new'
    WHEN now_fen IS NULL THEN CASE WHEN doudi_natural_end(p_enrollment, p_household) THEN 'attrition' ELSE 'stopped' END
    WHEN now_fen > before_fen OR (now_fen = before_fen AND now_persons > before_persons) THEN 'increased'
    WHEN now_fen < before_fen OR (now_fen = before_fen AND now_persons < before_persons) THEN 'decreased'
    ELSE 'unchanged'
  END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION doudi_refresh_payout_movements(p_run uuid) RETURNS void LANGUAGE plpgsql SET work_mem = '64MB' AS $$
DECLARE
  r record;
  prev_month text;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended('doudi_payout_movements:' || p_run::text, 0));
  DELETE FROM payout_movements WHERE run_id = p_run;
  SELECT id, county_code, month, state INTO r FROM payout_runs WHERE id = p_run;
  IF NOT FOUND OR r.state = 'draft' THEN RETURN; END IF;
  prev_month := to_char(to_date(r.month || '-01', 'YYYY-MM-DD') - interval '1 month', 'YYYY-MM');
  -- Without an approved run last month (a county's first month in the system) every line is 新增,
  -- as the run page says: the notice explains every figure against last month's nothing.

  -- Enrollment lines of this run against those of the county's approved run of last month
  -- (the run summary's rule, lib/payouts/generation/totals.ts): only the enrollments that changed get a row. A line that
  -- moved to another township leaves (迁出) its old township and joins (迁入) the new one, so
  -- each township's deltas add up to the change of its own lines.
  INSERT INTO payout_movements (run_id, month, county_code, township_code, program, area, enrollment_id, movement, line_id, persons_delta, amount_delta_fen)
  WITH cur AS (
    SELECT id, enrollment_id, program, household_id, county_code, township_code, persons, amount_fen
    FROM payout_lines WHERE run_id = p_run AND kind = 'enrollment'
  ),
  prev AS (
    SELECT p.id, p.enrollment_id, p.program, p.household_id, p.county_code, p.township_code, p.persons, p.amount_fen
    FROM payout_runs pr JOIN payout_lines p ON p.run_id = pr.id AND p.kind = 'enrollment'
    WHERE pr.county_code = r.county_code AND pr.month = prev_month AND pr.state <> 'draft'
  ),
  pairs AS (
    SELECT c.id AS c_id, p.id AS p_id, coalesce(c.enrollment_id, p.enrollment_id) AS enrollment_id,
      coalesce(c.program, p.program) AS program, coalesce(c.household_id, p.household_id) AS household_id,
      c.county_code AS c_county, c.township_code AS c_township, p.county_code AS p_county, p.township_code AS p_township,
      c.persons AS c_persons, p.persons AS p_persons, c.amount_fen AS c_amount, p.amount_fen AS p_amount
    FROM cur c FULL JOIN prev p ON p.enrollment_id = c.enrollment_id
    WHERE c.id IS NULL OR p.id IS NULL OR c.township_code <> p.township_code OR c.amount_fen <> p.amount_fen OR c.persons <> p.persons
  ),
  sides AS (
    SELECT x.enrollment_id, x.program, x.household_id, c_id AS line_id, c_county AS county_code, c_township AS township_code,
      CASE WHEN p_id IS NOT NULL AND c_township <> p_township THEN 'moved_in'
        ELSE doudi_line_movement(c_amount, p_amount, c_persons, p_persons, x.enrollment_id, x.household_id) END AS movement,
      c_persons - CASE WHEN c_township = p_township THEN p_persons ELSE 0 END AS persons_delta,
      c_amount - CASE WHEN c_township = p_township THEN p_amount ELSE 0 END AS amount_delta
    FROM pairs x WHERE c_id IS NOT NULL
    UNION ALL
    SELECT x.enrollment_id, x.program, x.household_id, p_id, p_county, p_township,
      CASE WHEN c_id IS NOT NULL THEN 'moved_out'
        ELSE doudi_line_movement(NULL, p_amount, NULL, p_persons, x.enrollment_id, x.household_id) END,
      -p_persons, -p_amount
    FROM pairs x WHERE p_id IS NOT NULL AND (c_id IS NULL OR c_township <> p_township)
  )
  SELECT p_run, r.month, s.county_code, s.township_code, s.program, (SELECT h.kind FROM households h WHERE h.id = s.household_id),
    s.enrollment_id, s.movement, s.line_id, s.persons_delta, s.amount_delta
  FROM sides s;
END;
$$;
