CREATE TABLE "review_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"county_code" varchar(6) NOT NULL,
	"township_code" varchar(9) NOT NULL,
	"month" varchar(7) NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"batch_id" uuid NOT NULL,
	"enrollment_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"county_code" varchar(6) NOT NULL,
	"township_code" varchar(9) NOT NULL,
	"village_code" varchar(12) NOT NULL,
	"due_on" date NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"assigned_to" uuid,
	"visited_on" date,
	"investigators" text[],
	"findings" text,
	"outcome" text,
	"change_id" uuid,
	"recorded_by" uuid,
	"closed_on" date,
	"closed_by" uuid,
	"next_review_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_batch_id_review_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."review_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_enrollment_id_enrollments_id_fk" FOREIGN KEY ("enrollment_id") REFERENCES "public"."enrollments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_change_id_enrollment_changes_id_fk" FOREIGN KEY ("change_id") REFERENCES "public"."enrollment_changes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "review_batches_township_month_uq" ON "review_batches" USING btree ("township_code","month");--> statement-breakpoint
CREATE INDEX "review_batches_county_month_idx" ON "review_batches" USING btree ("county_code","month");--> statement-breakpoint
CREATE UNIQUE INDEX "reviews_open_enrollment_uq" ON "reviews" USING btree ("enrollment_id") WHERE "reviews"."state" <> 'closed';--> statement-breakpoint
CREATE INDEX "reviews_batch_idx" ON "reviews" USING btree ("batch_id","due_on");--> statement-breakpoint
CREATE INDEX "reviews_change_idx" ON "reviews" USING btree ("change_id") WHERE "reviews"."change_id" is not null;--> statement-breakpoint
CREATE INDEX "reviews_assigned_idx" ON "reviews" USING btree ("assigned_to","state");--> statement-breakpoint
CREATE INDEX "reviews_county_due_idx" ON "reviews" USING btree ("county_code","due_on");--> statement-breakpoint
CREATE INDEX "reviews_county_closed_idx" ON "reviews" USING btree ("county_code","closed_on");