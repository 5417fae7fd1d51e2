CREATE TABLE "institution_placements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"institution_id" uuid NOT NULL,
	"enrollment_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"admitted_on" date NOT NULL,
	"admitted_by" uuid NOT NULL,
	"discharged_on" date,
	"discharge_reason" text,
	"discharged_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "institution_placements_dates" CHECK ("institution_placements"."discharged_on" is null or "institution_placements"."discharged_on" >= "institution_placements"."admitted_on")
);
--> statement-breakpoint
CREATE TABLE "institutions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"county_code" varchar(6) NOT NULL,
	"township_code" varchar(9) NOT NULL,
	"address" text NOT NULL,
	"capacity" integer NOT NULL,
	"kind" text NOT NULL,
	"medical_care" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'operating' NOT NULL,
	"bank_name" text NOT NULL,
	"bank_account_holder" text NOT NULL,
	"bank_account" varchar(32) NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "institutions_capacity_positive" CHECK ("institutions"."capacity" > 0)
);
--> statement-breakpoint
ALTER TABLE "payout_lines" ADD COLUMN "payee_institution_id" uuid;--> statement-breakpoint
ALTER TABLE "institution_placements" ADD CONSTRAINT "institution_placements_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "institution_placements" ADD CONSTRAINT "institution_placements_enrollment_id_enrollments_id_fk" FOREIGN KEY ("enrollment_id") REFERENCES "public"."enrollments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "institution_placements" ADD CONSTRAINT "institution_placements_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "institutions" ADD CONSTRAINT "institutions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "institution_placements_open_uq" ON "institution_placements" USING btree ("member_id") WHERE "institution_placements"."discharged_on" is null;--> statement-breakpoint
CREATE INDEX "institution_placements_institution_idx" ON "institution_placements" USING btree ("institution_id","admitted_on");--> statement-breakpoint
CREATE INDEX "institution_placements_enrollment_idx" ON "institution_placements" USING btree ("enrollment_id","admitted_on");--> statement-breakpoint
CREATE INDEX "institutions_county_idx" ON "institutions" USING btree ("county_code","name");--> statement-breakpoint
ALTER TABLE "payout_lines" ADD CONSTRAINT "payout_lines_payee_institution_id_institutions_id_fk" FOREIGN KEY ("payee_institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "payout_lines_tekun_idx" ON "payout_lines" USING btree ("run_id","payee_institution_id") WHERE "payout_lines"."program" = 'tekun' and "payout_lines"."kind" = 'enrollment';