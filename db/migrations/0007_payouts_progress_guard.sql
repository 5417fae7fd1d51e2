CREATE TABLE "payout_account_confirmations" (
	"line_id" bigint PRIMARY KEY NOT NULL,
	"household_id" uuid NOT NULL,
	"note" text NOT NULL,
	"confirmed_by" uuid NOT NULL,
	"confirmed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payout_jobs" (
	"county_code" varchar(6) NOT NULL,
	"month" varchar(7) NOT NULL,
	"step" integer DEFAULT 0 NOT NULL,
	"steps" integer NOT NULL,
	"label" text NOT NULL,
	"started_by" uuid NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"error" text,
	CONSTRAINT "payout_jobs_county_code_month_pk" PRIMARY KEY("county_code","month")
);
--> statement-breakpoint
ALTER TABLE "bank_returns" ADD COLUMN "content" text;--> statement-breakpoint
ALTER TABLE "payout_adjustments" ADD COLUMN "cancelled_by" uuid;--> statement-breakpoint
ALTER TABLE "payout_adjustments" ADD COLUMN "cancelled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "payout_runs" ADD COLUMN "summary" jsonb;--> statement-breakpoint
ALTER TABLE "payout_account_confirmations" ADD CONSTRAINT "payout_account_confirmations_line_id_payout_lines_id_fk" FOREIGN KEY ("line_id") REFERENCES "public"."payout_lines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payout_account_confirmations" ADD CONSTRAINT "payout_account_confirmations_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "payout_lines_run_blocked_idx" ON "payout_lines" USING btree ("run_id","id") WHERE "payout_lines"."blocked";--> statement-breakpoint
CREATE INDEX "payout_lines_unpaid_idx" ON "payout_lines" USING btree ("county_code","id") WHERE "payout_lines"."status" = 'failed' or "payout_lines"."blocked";--> statement-breakpoint
-- An approved run never changes: of its lines only the bank's result (status, failure_reason)
-- may still be written, by reconciliation; nothing may be deleted. The verbs check this too;
-- this is the guarantee whatever the code does. Row-level on UPDATE and DELETE only, so
-- generating a draft (inserts) pays nothing for it.
CREATE OR REPLACE FUNCTION payout_lines_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  run_state text;
BEGIN
  SELECT state INTO run_state FROM payout_runs WHERE id = OLD.run_id;
  IF run_state = 'draft' THEN
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    IF NEW.run_id = OLD.run_id THEN RETURN NEW; END IF;
  ELSIF TG_OP = 'UPDATE'
    AND (to_jsonb(NEW) - 'status' - 'failure_reason' - 'updated_at') = (to_jsonb(OLD) - 'status' - 'failure_reason' - 'updated_at') THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'payout line % of % run % is frozen (% refused)', OLD.id, run_state, OLD.run_id, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER payout_lines_frozen BEFORE UPDATE OR DELETE ON payout_lines
  FOR EACH ROW EXECUTE FUNCTION payout_lines_guard();
--> statement-breakpoint
-- A run moves forward only (draft → approved → exported → reconciled); once out of draft its
-- county, month, preparer, approver and totals are fixed, and it is never deleted.
CREATE OR REPLACE FUNCTION payout_runs_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  rank_old int;
  rank_new int;
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.state = 'draft' THEN RETURN OLD; END IF;
    RAISE EXCEPTION 'payout run % is % and cannot be deleted', OLD.id, OLD.state USING ERRCODE = 'insufficient_privilege';
  END IF;
  rank_old := array_position(ARRAY['draft', 'approved', 'exported', 'reconciled'], OLD.state);
  rank_new := array_position(ARRAY['draft', 'approved', 'exported', 'reconciled'], NEW.state);
  IF rank_new IS NULL OR rank_new < rank_old THEN
    RAISE EXCEPTION 'payout run % cannot go from % to %', OLD.id, OLD.state, NEW.state USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF OLD.state <> 'draft'
    AND (to_jsonb(NEW) - 'state' - 'exported_at' - 'reconciled_at' - 'version') <> (to_jsonb(OLD) - 'state' - 'exported_at' - 'reconciled_at' - 'version') THEN
    RAISE EXCEPTION 'payout run % is % and frozen', OLD.id, OLD.state USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER payout_runs_forward_only BEFORE UPDATE OR DELETE ON payout_runs
  FOR EACH ROW EXECUTE FUNCTION payout_runs_guard();
