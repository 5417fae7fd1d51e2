CREATE TABLE "complaint_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"complaint_id" uuid NOT NULL,
	"noted_on" date NOT NULL,
	"text" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "complaints" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"channel" text NOT NULL,
	"category" text NOT NULL,
	"anonymous" boolean DEFAULT false NOT NULL,
	"complainant_name" text,
	"complainant_phone" text,
	"content" text NOT NULL,
	"received_on" date NOT NULL,
	"deadline_on" date NOT NULL,
	"county_code" varchar(6) NOT NULL,
	"township_code" varchar(9),
	"village_code" varchar(12),
	"household_id" uuid,
	"application_id" uuid,
	"enrollment_id" uuid,
	"subject_user_id" uuid,
	"state" text DEFAULT 'received' NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"handler_id" uuid,
	"assigned_by" uuid,
	"assigned_on" date,
	"outcome" text,
	"outcome_text" text,
	"outcome_on" date,
	"reply_on" date,
	"reply_method" text,
	"reply_text" text,
	"closed_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "complaints_handler_not_subject" CHECK ("complaints"."handler_id" is null or "complaints"."subject_user_id" is null or "complaints"."handler_id" <> "complaints"."subject_user_id"),
	CONSTRAINT "complaints_anonymous_no_name" CHECK (not "complaints"."anonymous" or ("complaints"."complainant_name" is null and "complaints"."complainant_phone" is null)),
	CONSTRAINT "complaints_answered_complete" CHECK ("complaints"."state" <> 'answered' or ("complaints"."outcome" is not null and "complaints"."reply_on" is not null))
);
--> statement-breakpoint
ALTER TABLE "complaint_notes" ADD CONSTRAINT "complaint_notes_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_notes" ADD CONSTRAINT "complaint_notes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_enrollment_id_enrollments_id_fk" FOREIGN KEY ("enrollment_id") REFERENCES "public"."enrollments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_subject_user_id_users_id_fk" FOREIGN KEY ("subject_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_handler_id_users_id_fk" FOREIGN KEY ("handler_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_assigned_by_users_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "complaint_notes_complaint_idx" ON "complaint_notes" USING btree ("complaint_id");--> statement-breakpoint
CREATE INDEX "complaints_county_state_idx" ON "complaints" USING btree ("county_code","state");--> statement-breakpoint
CREATE INDEX "complaints_township_state_idx" ON "complaints" USING btree ("township_code","state");--> statement-breakpoint
CREATE INDEX "complaints_deadline_idx" ON "complaints" USING btree ("deadline_on");