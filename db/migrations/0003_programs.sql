CREATE TABLE "application_objections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"raised_on" date NOT NULL,
	"content" text NOT NULL,
	"resolution" text,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"household_id" uuid NOT NULL,
	"member_id" uuid,
	"self_care_level" text,
	"state" text DEFAULT 'draft' NOT NULL,
	"county_code" varchar(6) NOT NULL,
	"township_code" varchar(9) NOT NULL,
	"village_code" varchar(12) NOT NULL,
	"close_relative" boolean DEFAULT false NOT NULL,
	"close_relative_note" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"accepted_by" uuid,
	"accepted_on" date,
	"missing_documents" text[],
	"investigators" text[],
	"investigated_by" uuid,
	"investigated_on" date,
	"findings" text,
	"computed" jsonb,
	"township_opinion" text,
	"township_reviewed_by" uuid,
	"township_reviewed_on" date,
	"notice_start" date,
	"notice_end" date,
	"county_visit_by" uuid,
	"county_visit_on" date,
	"county_visit_notes" text,
	"decided_by" uuid,
	"decided_on" date,
	"decision_reason" text,
	"approved_amount_fen" bigint,
	"start_month" varchar(7),
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enrollment_amounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enrollment_id" uuid NOT NULL,
	"effective_month" varchar(7) NOT NULL,
	"amount_fen" bigint NOT NULL,
	"components" jsonb NOT NULL,
	"approved_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enrollment_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enrollment_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"effective_month" varchar(7) NOT NULL,
	"amount_fen" bigint,
	"components" jsonb,
	"reason" text NOT NULL,
	"hearing_note" text,
	"gradual_exit_months" integer,
	"state" text DEFAULT 'proposed' NOT NULL,
	"proposed_by" uuid NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enrollment_members" (
	"enrollment_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"id_number" varchar(18) NOT NULL,
	"basic_living" boolean NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "enrollment_members_enrollment_id_member_id_pk" PRIMARY KEY("enrollment_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "enrollments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"program" text NOT NULL,
	"household_id" uuid NOT NULL,
	"member_id" uuid,
	"application_id" uuid,
	"status" text NOT NULL,
	"county_code" varchar(6) NOT NULL,
	"township_code" varchar(9) NOT NULL,
	"village_code" varchar(12) NOT NULL,
	"start_month" varchar(7) NOT NULL,
	"end_month" varchar(7),
	"status_reason" text,
	"next_review_on" date,
	"review_cycle" text,
	"gradual_exit_until" varchar(7),
	"created_by" uuid,
	"decided_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "work_calendar" (
	"day" date PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "application_objections" ADD CONSTRAINT "application_objections_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrollment_amounts" ADD CONSTRAINT "enrollment_amounts_enrollment_id_enrollments_id_fk" FOREIGN KEY ("enrollment_id") REFERENCES "public"."enrollments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrollment_changes" ADD CONSTRAINT "enrollment_changes_enrollment_id_enrollments_id_fk" FOREIGN KEY ("enrollment_id") REFERENCES "public"."enrollments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrollment_members" ADD CONSTRAINT "enrollment_members_enrollment_id_enrollments_id_fk" FOREIGN KEY ("enrollment_id") REFERENCES "public"."enrollments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrollment_members" ADD CONSTRAINT "enrollment_members_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrollments" ADD CONSTRAINT "enrollments_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrollments" ADD CONSTRAINT "enrollments_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrollments" ADD CONSTRAINT "enrollments_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "applications_county_state_idx" ON "applications" USING btree ("county_code","state");--> statement-breakpoint
CREATE INDEX "applications_township_state_idx" ON "applications" USING btree ("township_code","state");--> statement-breakpoint
CREATE INDEX "applications_household_idx" ON "applications" USING btree ("household_id");--> statement-breakpoint
CREATE UNIQUE INDEX "enrollment_amounts_month_uq" ON "enrollment_amounts" USING btree ("enrollment_id","effective_month");--> statement-breakpoint
CREATE INDEX "enrollment_changes_enrollment_idx" ON "enrollment_changes" USING btree ("enrollment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "enrollment_members_basic_uq" ON "enrollment_members" USING btree ("id_number") WHERE "enrollment_members"."basic_living" and "enrollment_members"."active";--> statement-breakpoint
CREATE INDEX "enrollments_county_status_idx" ON "enrollments" USING btree ("county_code","status","program");--> statement-breakpoint
CREATE INDEX "enrollments_township_status_idx" ON "enrollments" USING btree ("township_code","status","program");--> statement-breakpoint
CREATE INDEX "enrollments_household_idx" ON "enrollments" USING btree ("household_id");