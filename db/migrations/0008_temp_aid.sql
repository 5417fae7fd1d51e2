CREATE TABLE "fund_ledger" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "fund_ledger_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"fund_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"balance_after_fen" bigint NOT NULL,
	"case_id" uuid,
	"actor_id" uuid,
	"actor_name" text,
	"note" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fund_ledger_amount_positive" CHECK ("fund_ledger"."amount_fen" > 0),
	CONSTRAINT "fund_ledger_balance_not_negative" CHECK ("fund_ledger"."balance_after_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "reserve_funds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"township_code" varchar(9) NOT NULL,
	"county_code" varchar(6) NOT NULL,
	"balance_fen" bigint DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reserve_funds_balance_not_negative" CHECK ("reserve_funds"."balance_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "temp_aid_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"household_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"cause" text NOT NULL,
	"narrative" text NOT NULL,
	"state" text NOT NULL,
	"requested_fen" bigint NOT NULL,
	"approved_fen" bigint,
	"paid_fen" bigint DEFAULT 0 NOT NULL,
	"same_cause_flag" boolean DEFAULT false NOT NULL,
	"same_cause_note" text,
	"one_case_note" text,
	"county_code" varchar(6) NOT NULL,
	"township_code" varchar(9) NOT NULL,
	"village_code" varchar(12) NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"opened_on" date NOT NULL,
	"deadline_on" date,
	"account" text,
	"documents" text[],
	"account_by" uuid,
	"account_on" date,
	"investigators" text[],
	"investigated_by" uuid,
	"investigated_on" date,
	"findings" text,
	"notice_required" boolean DEFAULT false NOT NULL,
	"notice_start" date,
	"notice_end" date,
	"decided_by" uuid,
	"decided_on" date,
	"decision_note" text,
	"completed_by" uuid,
	"completed_on" date,
	"completion_note" text,
	"follow_up_fen" bigint,
	"recovery_due_fen" bigint,
	"recovered_fen" bigint DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "temp_aid_cases_requested_positive" CHECK ("temp_aid_cases"."requested_fen" > 0)
);
--> statement-breakpoint
CREATE TABLE "temp_aid_payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"method" text NOT NULL,
	"payee_name" text NOT NULL,
	"receipt_no" text,
	"bank_name" text,
	"bank_account" varchar(32),
	"bank_account_holder" text,
	"status" text NOT NULL,
	"month" varchar(7) NOT NULL,
	"approved_by" uuid NOT NULL,
	"approved_on" date NOT NULL,
	"paid_by" uuid,
	"paid_on" date,
	"ledger_id" bigint,
	"county_code" varchar(6) NOT NULL,
	"township_code" varchar(9) NOT NULL,
	"village_code" varchar(12) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "temp_aid_payments_amount_positive" CHECK ("temp_aid_payments"."amount_fen" > 0),
	CONSTRAINT "temp_aid_payments_paid_has_ledger" CHECK ("temp_aid_payments"."status" <> 'paid' or "temp_aid_payments"."ledger_id" is not null)
);
--> statement-breakpoint
ALTER TABLE "fund_ledger" ADD CONSTRAINT "fund_ledger_fund_id_reserve_funds_id_fk" FOREIGN KEY ("fund_id") REFERENCES "public"."reserve_funds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_ledger" ADD CONSTRAINT "fund_ledger_case_id_temp_aid_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."temp_aid_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserve_funds" ADD CONSTRAINT "reserve_funds_township_code_regions_code_fk" FOREIGN KEY ("township_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "temp_aid_cases" ADD CONSTRAINT "temp_aid_cases_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "temp_aid_payments" ADD CONSTRAINT "temp_aid_payments_case_id_temp_aid_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."temp_aid_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "temp_aid_payments" ADD CONSTRAINT "temp_aid_payments_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "temp_aid_payments" ADD CONSTRAINT "temp_aid_payments_ledger_id_fund_ledger_id_fk" FOREIGN KEY ("ledger_id") REFERENCES "public"."fund_ledger"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "fund_ledger_fund_idx" ON "fund_ledger" USING btree ("fund_id","id");--> statement-breakpoint
CREATE INDEX "fund_ledger_case_idx" ON "fund_ledger" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "reserve_funds_township_uq" ON "reserve_funds" USING btree ("township_code");--> statement-breakpoint
CREATE INDEX "reserve_funds_county_idx" ON "reserve_funds" USING btree ("county_code");--> statement-breakpoint
CREATE INDEX "temp_aid_cases_county_state_idx" ON "temp_aid_cases" USING btree ("county_code","state");--> statement-breakpoint
CREATE INDEX "temp_aid_cases_township_state_idx" ON "temp_aid_cases" USING btree ("township_code","state");--> statement-breakpoint
CREATE INDEX "temp_aid_cases_household_idx" ON "temp_aid_cases" USING btree ("household_id","cause");--> statement-breakpoint
CREATE INDEX "temp_aid_payments_case_idx" ON "temp_aid_payments" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "temp_aid_payments_household_idx" ON "temp_aid_payments" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "temp_aid_payments_county_month_idx" ON "temp_aid_payments" USING btree ("county_code","status","month");