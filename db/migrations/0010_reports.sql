CREATE TABLE "payout_movements" (
	"run_id" uuid NOT NULL,
	"month" varchar(7) NOT NULL,
	"county_code" varchar(6) NOT NULL,
	"township_code" varchar(9) NOT NULL,
	"program" text NOT NULL,
	"area" text NOT NULL,
	"enrollment_id" uuid NOT NULL,
	"movement" text NOT NULL,
	"line_id" bigint NOT NULL,
	"persons_delta" integer NOT NULL,
	"amount_delta_fen" bigint NOT NULL,
	CONSTRAINT "payout_movements_run_id_enrollment_id_movement_pk" PRIMARY KEY("run_id","enrollment_id","movement")
);
--> statement-breakpoint
CREATE TABLE "payout_summary" (
	"run_id" uuid NOT NULL,
	"month" varchar(7) NOT NULL,
	"county_code" varchar(6) NOT NULL,
	"township_code" varchar(9) NOT NULL,
	"program" text NOT NULL,
	"area" text NOT NULL,
	"kind" text NOT NULL,
	"lines" integer NOT NULL,
	"households" integer NOT NULL,
	"persons" integer NOT NULL,
	"person_months" integer NOT NULL,
	"amount_fen" bigint NOT NULL,
	"paid_lines" integer NOT NULL,
	"paid_person_months" integer NOT NULL,
	"paid_fen" bigint NOT NULL,
	"failed_lines" integer NOT NULL,
	"failed_fen" bigint NOT NULL,
	"blocked_lines" integer NOT NULL,
	"blocked_fen" bigint NOT NULL,
	CONSTRAINT "payout_summary_run_id_township_code_program_area_kind_pk" PRIMARY KEY("run_id","township_code","program","area","kind")
);
--> statement-breakpoint
ALTER TABLE "payout_movements" ADD CONSTRAINT "payout_movements_run_id_payout_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."payout_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payout_summary" ADD CONSTRAINT "payout_summary_run_id_payout_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."payout_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "payout_movements_month_county_idx" ON "payout_movements" USING btree ("month","county_code","movement","line_id");--> statement-breakpoint
CREATE INDEX "payout_summary_month_county_idx" ON "payout_summary" USING btree ("month","county_code");--> statement-breakpoint
CREATE INDEX "enrollments_review_due_idx" ON "enrollments" USING btree ("next_review_on","county_code","township_code") WHERE "enrollments"."status" in ('active', 'suspended') and "enrollments"."program" in ('dibao', 'tekun');--> statement-breakpoint
-- Reports read payout_summary and payout_movements (db/schema/reports.ts), never twelve million
-- payout lines. Both are rewritten for one run, set-based, by doudi_refresh_payout_summary(),
-- which the payout verbs call (lib/reports/refresh-summary.ts) when a run is approved and each
-- time a bank return file is imported. A draft run has no rows: reports count approved money.
-- An advisory lock per run serializes two refreshes of the same rows (a run and its successor).
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
  -- Without an approved run last month there is nothing to compare with (a county's first month
  -- in the system): no movement rather than every line "new".
  IF NOT EXISTS (SELECT 1 FROM payout_runs WHERE county_code = r.county_code AND month = prev_month AND state <> 'draft') THEN RETURN; END IF;

  -- Enrollment lines of this run against those of the county's approved run of last month
  -- (lib/payouts/rules.ts movementOf): only the enrollments that changed get a row. A line that
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
      CASE WHEN p_id IS NULL THEN 'new' WHEN c_township <> p_township THEN 'moved_in'
        WHEN c_amount > p_amount OR (c_amount = p_amount AND c_persons > p_persons) THEN 'increased' ELSE 'decreased' END AS movement,
      c_persons - CASE WHEN c_township = p_township THEN p_persons ELSE 0 END AS persons_delta,
      c_amount - CASE WHEN c_township = p_township THEN p_amount ELSE 0 END AS amount_delta
    FROM pairs x WHERE c_id IS NOT NULL
    UNION ALL
    SELECT x.enrollment_id, x.program, x.household_id, p_id, p_county, p_township,
      CASE WHEN c_id IS NOT NULL THEN 'moved_out'
        -- 自然减员: the person died, or the household has nobody left (writeTotals' rule).
        WHEN EXISTS (SELECT 1 FROM enrollments e LEFT JOIN members m ON m.id = e.member_id
                     WHERE e.id = x.enrollment_id AND (m.status = 'deceased' OR e.status_reason ~ '(死亡|去世|病故|亡故)'))
          OR NOT EXISTS (SELECT 1 FROM members hm WHERE hm.household_id = x.household_id AND hm.status = 'active') THEN 'attrition'
        ELSE 'stopped' END,
      -p_persons, -p_amount
    FROM pairs x WHERE p_id IS NOT NULL AND (c_id IS NULL OR c_township <> p_township)
  )
  SELECT p_run, r.month, s.county_code, s.township_code, s.program, (SELECT h.kind FROM households h WHERE h.id = s.household_id),
    s.enrollment_id, s.movement, s.line_id, s.persons_delta, s.amount_delta
  FROM sides s;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION doudi_refresh_payout_summary(p_run uuid) RETURNS void LANGUAGE plpgsql SET work_mem = '64MB' AS $$
DECLARE
  r record;
  first_time boolean;
  next_run uuid;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended('doudi_payout_summary:' || p_run::text, 0));
  first_time := NOT EXISTS (SELECT 1 FROM payout_summary WHERE run_id = p_run);
  DELETE FROM payout_summary WHERE run_id = p_run;
  SELECT id, county_code, month, state INTO r FROM payout_runs WHERE id = p_run;
  IF NOT FOUND THEN RETURN; END IF;
  IF r.state <> 'draft' THEN
    INSERT INTO payout_summary (run_id, month, county_code, township_code, program, area, kind, lines, households, persons, person_months, amount_fen,
      paid_lines, paid_person_months, paid_fen, failed_lines, failed_fen, blocked_lines, blocked_fen)
    SELECT p_run, r.month, l.county_code, l.township_code, l.program, h.kind, l.kind,
      count(*), count(DISTINCT l.household_id), sum(l.persons), sum(pm.n), sum(l.amount_fen),
      count(*) FILTER (WHERE l.status = 'paid'), coalesce(sum(pm.n) FILTER (WHERE l.status = 'paid'), 0),
      coalesce(sum(l.amount_fen) FILTER (WHERE l.status = 'paid'), 0),
      count(*) FILTER (WHERE l.status = 'failed'), coalesce(sum(l.amount_fen) FILTER (WHERE l.status = 'failed'), 0),
      count(*) FILTER (WHERE l.status = 'pending' AND l.blocked), coalesce(sum(l.amount_fen) FILTER (WHERE l.status = 'pending' AND l.blocked), 0)
    FROM payout_lines l
    JOIN households h ON h.id = l.household_id
    -- 人次: a line paying a month of support counts its persons; 补发 and 扣回 count none.
    CROSS JOIN LATERAL (SELECT CASE WHEN l.kind IN ('arrears', 'recovery')
        OR (l.kind = 'reissue' AND l.components->>'originalKind' IN ('arrears', 'recovery')) THEN 0 ELSE l.persons END AS n) pm
    WHERE l.run_id = p_run
    GROUP BY l.county_code, l.township_code, l.program, h.kind, l.kind;
  END IF;
  -- Movements compare enrollment lines, which are fixed once a run is approved: they are
  -- measured at approval (or at a run's first refresh), not again at each bank return file.
  IF r.state IN ('draft', 'approved') OR first_time THEN
    PERFORM doudi_refresh_payout_movements(p_run);
  ELSE
    RETURN;
  END IF;
  -- Next month's movement is measured against this run: refresh it too, should it exist already.
  SELECT n.id INTO next_run FROM payout_runs n
  WHERE n.county_code = r.county_code AND n.state <> 'draft'
    AND n.month = to_char(to_date(r.month || '-01', 'YYYY-MM-DD') + interval '1 month', 'YYYY-MM');
  IF next_run IS NOT NULL THEN PERFORM doudi_refresh_payout_movements(next_run); END IF;
END;
$$;
