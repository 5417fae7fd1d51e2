ALTER TABLE "enrollments" ADD COLUMN "current_amount_fen" bigint;--> statement-breakpoint
CREATE INDEX "enrollments_created_idx" ON "enrollments" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "enrollments_county_created_idx" ON "enrollments" USING btree ("county_code","created_at","id");--> statement-breakpoint
CREATE INDEX "enrollments_township_created_idx" ON "enrollments" USING btree ("township_code","created_at","id");--> statement-breakpoint
CREATE INDEX "enrollments_county_amount_idx" ON "enrollments" USING btree ("county_code","current_amount_fen");--> statement-breakpoint
CREATE INDEX "enrollments_amount_idx" ON "enrollments" USING btree ("current_amount_fen");--> statement-breakpoint
CREATE INDEX "enrollments_program_status_created_idx" ON "enrollments" USING btree ("program","status","created_at","id");--> statement-breakpoint
CREATE INDEX "enrollments_member_idx" ON "enrollments" USING btree ("member_id");--> statement-breakpoint
-- enrollments.current_amount_fen: the amount row in force this month (China time), else the
-- earliest row (a roll that starts next month shows what it starts with). Kept here, once, for
-- every writer of enrollment_amounts (decide, approved changes, subsidies, imports, bench data);
-- statement-level with transition tables, so a bulk insert recomputes each enrollment once.
-- A row dated for a later month takes over when that month comes: doudi_refresh_current_amounts()
-- recomputes the rolls whose value has gone stale (cheap, set-based; run at the month's start).
CREATE OR REPLACE FUNCTION doudi_enrollment_current_amount(eid uuid) RETURNS bigint
  LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT coalesce(
      (SELECT a.amount_fen FROM enrollment_amounts a
        WHERE a.enrollment_id = eid AND a.effective_month <= to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM')
        ORDER BY a.effective_month DESC LIMIT 1),
      (SELECT a.amount_fen FROM enrollment_amounts a WHERE a.enrollment_id = eid ORDER BY a.effective_month LIMIT 1))
  $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION enrollment_amounts_refresh_current() RETURNS trigger
  LANGUAGE plpgsql AS $$
DECLARE
  ids uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT enrollment_id) INTO ids FROM new_rows;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT enrollment_id) INTO ids FROM old_rows;
  ELSE
    SELECT array_agg(DISTINCT enrollment_id) INTO ids FROM (SELECT enrollment_id FROM new_rows UNION SELECT enrollment_id FROM old_rows) r;
  END IF;
  IF ids IS NULL THEN
    RETURN NULL;
  END IF;
  UPDATE enrollments e
     SET current_amount_fen = c.amount
    FROM (SELECT eid, doudi_enrollment_current_amount(eid) AS amount FROM unnest(ids) AS eid) c
   WHERE e.id = c.eid AND e.current_amount_fen IS DISTINCT FROM c.amount;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER enrollment_amounts_current_ins AFTER INSERT ON enrollment_amounts
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION enrollment_amounts_refresh_current();
--> statement-breakpoint
CREATE TRIGGER enrollment_amounts_current_upd AFTER UPDATE ON enrollment_amounts
  REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION enrollment_amounts_refresh_current();
--> statement-breakpoint
CREATE TRIGGER enrollment_amounts_current_del AFTER DELETE ON enrollment_amounts
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION enrollment_amounts_refresh_current();
--> statement-breakpoint
-- The rolls whose amount for this month is not the stored one (a later-dated row now in force).
CREATE OR REPLACE FUNCTION doudi_refresh_current_amounts() RETURNS integer
  LANGUAGE sql AS $$
    WITH changed AS (
      UPDATE enrollments e SET current_amount_fen = doudi_enrollment_current_amount(e.id)
       WHERE e.id IN (SELECT a.enrollment_id FROM enrollment_amounts a
                       WHERE a.effective_month = to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM'))
         AND e.current_amount_fen IS DISTINCT FROM doudi_enrollment_current_amount(e.id)
      RETURNING 1)
    SELECT count(*)::int FROM changed
  $$;
--> statement-breakpoint
-- Backfill, in one pass.
UPDATE enrollments e SET current_amount_fen = doudi_enrollment_current_amount(e.id)
 WHERE EXISTS (SELECT 1 FROM enrollment_amounts a WHERE a.enrollment_id = e.id);
