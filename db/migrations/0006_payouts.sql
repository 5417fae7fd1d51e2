CREATE TABLE "bank_returns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"run_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"paid_count" integer NOT NULL,
	"failed_count" integer NOT NULL,
	"paid_fen" bigint NOT NULL,
	"failed_fen" bigint NOT NULL,
	"imported_by" uuid NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payout_adjustments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enrollment_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"total_fen" bigint NOT NULL,
	"per_month_fen" bigint,
	"floor_fen" bigint,
	"for_month" varchar(7),
	"start_month" varchar(7) NOT NULL,
	"reason" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payout_lines" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "payout_lines_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"run_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"program" text NOT NULL,
	"enrollment_id" uuid,
	"source_id" text,
	"household_id" uuid NOT NULL,
	"member_id" uuid,
	"month" varchar(7) NOT NULL,
	"persons" integer DEFAULT 1 NOT NULL,
	"amount_fen" bigint NOT NULL,
	"components" jsonb,
	"bank_name" text,
	"bank_account_kind" text,
	"bank_account" varchar(32),
	"bank_account_holder" text,
	"blocked" boolean DEFAULT false NOT NULL,
	"block_reason" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"failure_reason" text,
	"county_code" varchar(6) NOT NULL,
	"township_code" varchar(9) NOT NULL,
	"village_code" varchar(12) NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payout_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"county_code" varchar(6) NOT NULL,
	"month" varchar(7) NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"prepared_by" uuid NOT NULL,
	"generated_at" timestamp with time zone,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	"exported_at" timestamp with time zone,
	"reconciled_at" timestamp with time zone,
	"line_count" integer DEFAULT 0 NOT NULL,
	"blocked_count" integer DEFAULT 0 NOT NULL,
	"total_fen" bigint DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "price_subsidies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"month" varchar(7) NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"per_person_fen" bigint NOT NULL,
	"programs" text[] NOT NULL,
	"note" text NOT NULL,
	"declared_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "bank_returns" ADD CONSTRAINT "bank_returns_run_id_payout_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."payout_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payout_adjustments" ADD CONSTRAINT "payout_adjustments_enrollment_id_enrollments_id_fk" FOREIGN KEY ("enrollment_id") REFERENCES "public"."enrollments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payout_lines" ADD CONSTRAINT "payout_lines_run_id_payout_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."payout_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payout_lines" ADD CONSTRAINT "payout_lines_enrollment_id_enrollments_id_fk" FOREIGN KEY ("enrollment_id") REFERENCES "public"."enrollments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payout_lines" ADD CONSTRAINT "payout_lines_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payout_lines" ADD CONSTRAINT "payout_lines_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "payout_adjustments_enrollment_idx" ON "payout_adjustments" USING btree ("enrollment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payout_lines_enrollment_month_uq" ON "payout_lines" USING btree ("enrollment_id","month") WHERE "payout_lines"."kind" = 'enrollment';--> statement-breakpoint
CREATE UNIQUE INDEX "payout_lines_source_uq" ON "payout_lines" USING btree ("kind","source_id","month") WHERE "payout_lines"."source_id" is not null;--> statement-breakpoint
CREATE INDEX "payout_lines_run_idx" ON "payout_lines" USING btree ("run_id","id");--> statement-breakpoint
CREATE INDEX "payout_lines_household_idx" ON "payout_lines" USING btree ("household_id","month");--> statement-breakpoint
CREATE UNIQUE INDEX "payout_runs_county_month_uq" ON "payout_runs" USING btree ("county_code","month");--> statement-breakpoint
CREATE UNIQUE INDEX "price_subsidies_month_region_uq" ON "price_subsidies" USING btree ("month","region_code");