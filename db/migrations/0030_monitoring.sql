CREATE TABLE "death_reports" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "death_reports_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"id_number" varchar(18) NOT NULL,
	"name" text NOT NULL,
	"died_on" date NOT NULL,
	"source" text NOT NULL,
	"import_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "disability_certificates" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "disability_certificates_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"id_number" varchar(18) NOT NULL,
	"certificate_no" text NOT NULL,
	"category" text NOT NULL,
	"grade" smallint NOT NULL,
	"issued_on" date NOT NULL,
	"import_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "medical_expenses" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "medical_expenses_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"id_number" varchar(18) NOT NULL,
	"name" text NOT NULL,
	"settled_on" date NOT NULL,
	"self_pay_fen" bigint NOT NULL,
	"import_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "monitored_flags" (
	"household_id" uuid PRIMARY KEY NOT NULL,
	"reason" text NOT NULL,
	"note" text,
	"set_by" uuid NOT NULL,
	"set_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "monitoring_alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"rule" text NOT NULL,
	"member_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"source_key" text NOT NULL,
	"detail" text NOT NULL,
	"county_code" varchar(6) NOT NULL,
	"township_code" varchar(9) NOT NULL,
	"village_code" varchar(12) NOT NULL,
	"import_id" uuid NOT NULL,
	"owner_id" uuid,
	"due_on" date NOT NULL,
	"outcome" text,
	"outcome_reason" text,
	"closed_by" uuid,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "monitoring_alerts_no_aid_reason" CHECK ("monitoring_alerts"."outcome" is distinct from 'no_aid' or length(coalesce("monitoring_alerts"."outcome_reason", '')) > 0),
	CONSTRAINT "monitoring_alerts_closed" CHECK (("monitoring_alerts"."outcome" is null) = ("monitoring_alerts"."closed_at" is null))
);
--> statement-breakpoint
CREATE TABLE "monitoring_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"file_name" text NOT NULL,
	"sha256" varchar(64) NOT NULL,
	"row_count" integer NOT NULL,
	"alert_count" integer DEFAULT 0 NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"imported_by" uuid NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "unemployment_registrations" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "unemployment_registrations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"id_number" varchar(18) NOT NULL,
	"registered_on" date NOT NULL,
	"import_id" uuid NOT NULL
);
--> statement-breakpoint
ALTER TABLE "death_reports" ADD CONSTRAINT "death_reports_import_id_monitoring_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."monitoring_imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disability_certificates" ADD CONSTRAINT "disability_certificates_import_id_monitoring_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."monitoring_imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "medical_expenses" ADD CONSTRAINT "medical_expenses_import_id_monitoring_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."monitoring_imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitored_flags" ADD CONSTRAINT "monitored_flags_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_alerts" ADD CONSTRAINT "monitoring_alerts_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_alerts" ADD CONSTRAINT "monitoring_alerts_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_alerts" ADD CONSTRAINT "monitoring_alerts_import_id_monitoring_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."monitoring_imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unemployment_registrations" ADD CONSTRAINT "unemployment_registrations_import_id_monitoring_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."monitoring_imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "death_reports_id_number_idx" ON "death_reports" USING btree ("id_number");--> statement-breakpoint
CREATE INDEX "death_reports_import_idx" ON "death_reports" USING btree ("import_id");--> statement-breakpoint
CREATE INDEX "disability_certificates_import_idx" ON "disability_certificates" USING btree ("import_id");--> statement-breakpoint
CREATE INDEX "medical_expenses_id_number_idx" ON "medical_expenses" USING btree ("id_number","settled_on");--> statement-breakpoint
CREATE INDEX "medical_expenses_import_idx" ON "medical_expenses" USING btree ("import_id");--> statement-breakpoint
CREATE UNIQUE INDEX "monitoring_alerts_source_uq" ON "monitoring_alerts" USING btree ("rule","member_id","source_key");--> statement-breakpoint
CREATE INDEX "monitoring_alerts_township_open_idx" ON "monitoring_alerts" USING btree ("township_code","due_on") WHERE "monitoring_alerts"."outcome" is null;--> statement-breakpoint
CREATE INDEX "monitoring_alerts_county_open_idx" ON "monitoring_alerts" USING btree ("county_code","due_on") WHERE "monitoring_alerts"."outcome" is null;--> statement-breakpoint
CREATE INDEX "monitoring_imports_region_idx" ON "monitoring_imports" USING btree ("region_code","imported_at");--> statement-breakpoint
CREATE INDEX "unemployment_registrations_import_idx" ON "unemployment_registrations" USING btree ("import_id");