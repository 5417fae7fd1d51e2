CREATE TABLE "late_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entity_kind" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"step" text NOT NULL,
	"stated_on" date NOT NULL,
	"recorded_on" date NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"working_days_late" integer NOT NULL,
	"threshold_working_days" integer NOT NULL,
	"reason" text NOT NULL,
	"evidence_ref" text,
	"recorded_by" uuid NOT NULL,
	"county_code" varchar(6) NOT NULL,
	"township_code" varchar(9) NOT NULL,
	"village_code" varchar(12),
	"acknowledged_by" uuid,
	"acknowledged_at" timestamp with time zone,
	CONSTRAINT "late_entries_days_positive" CHECK ("late_entries"."working_days_late" > "late_entries"."threshold_working_days" and "late_entries"."threshold_working_days" >= 0),
	CONSTRAINT "late_entries_reason_given" CHECK (length(btrim("late_entries"."reason")) >= 4),
	CONSTRAINT "late_entries_acknowledged_pair" CHECK (("late_entries"."acknowledged_by" is null) = ("late_entries"."acknowledged_at" is null))
);
--> statement-breakpoint
ALTER TABLE "fund_ledger" ADD COLUMN "occurred_on" date;--> statement-breakpoint
ALTER TABLE "late_entries" ADD CONSTRAINT "late_entries_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "late_entries" ADD CONSTRAINT "late_entries_acknowledged_by_users_id_fk" FOREIGN KEY ("acknowledged_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "late_entries_entity_idx" ON "late_entries" USING btree ("entity_kind","entity_id");--> statement-breakpoint
CREATE INDEX "late_entries_county_recorded_idx" ON "late_entries" USING btree ("county_code","recorded_on");--> statement-breakpoint
CREATE INDEX "late_entries_township_recorded_idx" ON "late_entries" USING btree ("township_code","recorded_on");