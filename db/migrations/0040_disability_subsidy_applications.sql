CREATE TABLE "subsidy_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"program" text NOT NULL,
	"household_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"state" text NOT NULL,
	"county_code" varchar(6) NOT NULL,
	"township_code" varchar(9) NOT NULL,
	"village_code" varchar(12) NOT NULL,
	"needs_long_term_care" boolean,
	"accepted_by" uuid NOT NULL,
	"accepted_on" date NOT NULL,
	"certificate_number" varchar(20),
	"certificate_kind" text,
	"certificate_grade" smallint,
	"certificate_valid_until" date,
	"verified_by" uuid,
	"verified_on" date,
	"decided_by" uuid,
	"decided_on" date,
	"decision_reason" text,
	"amount_fen" bigint,
	"start_month" varchar(7),
	"enrollment_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "disability_valid_until" date;--> statement-breakpoint
ALTER TABLE "subsidy_applications" ADD CONSTRAINT "subsidy_applications_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_applications" ADD CONSTRAINT "subsidy_applications_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_applications" ADD CONSTRAINT "subsidy_applications_enrollment_id_enrollments_id_fk" FOREIGN KEY ("enrollment_id") REFERENCES "public"."enrollments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "subsidy_applications_open_uq" ON "subsidy_applications" USING btree ("member_id","program") WHERE "subsidy_applications"."state" in ('accepted', 'verified');--> statement-breakpoint
CREATE INDEX "subsidy_applications_county_created_idx" ON "subsidy_applications" USING btree ("county_code","created_at","id");--> statement-breakpoint
CREATE INDEX "subsidy_applications_township_created_idx" ON "subsidy_applications" USING btree ("township_code","created_at","id");--> statement-breakpoint
CREATE INDEX "subsidy_applications_household_idx" ON "subsidy_applications" USING btree ("household_id");--> statement-breakpoint
CREATE UNIQUE INDEX "enrollments_subsidy_member_uq" ON "enrollments" USING btree ("member_id","program") WHERE "enrollments"."status" in ('proposed', 'active', 'suspended') and "enrollments"."program" in ('dis_living', 'dis_care');--> statement-breakpoint
CREATE INDEX "enrollments_subsidy_review_idx" ON "enrollments" USING btree ("next_review_on","county_code","township_code") WHERE "enrollments"."status" in ('active', 'suspended') and "enrollments"."program" in ('dis_living', 'dis_care');