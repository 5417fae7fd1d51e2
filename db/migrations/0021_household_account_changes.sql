CREATE TABLE "household_account_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"household_id" uuid NOT NULL,
	"before" jsonb,
	"after" jsonb NOT NULL,
	"reason" text NOT NULL,
	"changed_by" uuid NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"confirmed_by" uuid,
	"confirmed_at" timestamp with time zone,
	"superseded_at" timestamp with time zone,
	CONSTRAINT "household_account_changes_second_person" CHECK ("household_account_changes"."confirmed_by" is null or "household_account_changes"."confirmed_by" <> "household_account_changes"."changed_by"),
	CONSTRAINT "household_account_changes_one_outcome" CHECK ("household_account_changes"."confirmed_at" is null or "household_account_changes"."superseded_at" is null),
	CONSTRAINT "household_account_changes_confirmed_by_whom" CHECK (("household_account_changes"."confirmed_at" is null) = ("household_account_changes"."confirmed_by" is null))
);
--> statement-breakpoint
ALTER TABLE "households" ADD COLUMN "account_change_id" uuid;--> statement-breakpoint
ALTER TABLE "household_account_changes" ADD CONSTRAINT "household_account_changes_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "household_account_changes_household_idx" ON "household_account_changes" USING btree ("household_id","changed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "household_account_changes_pending_uq" ON "household_account_changes" USING btree ("household_id") WHERE "household_account_changes"."confirmed_at" is null and "household_account_changes"."superseded_at" is null;--> statement-breakpoint
ALTER TABLE "households" ADD CONSTRAINT "households_account_change_id_household_account_changes_id_fk" FOREIGN KEY ("account_change_id") REFERENCES "public"."household_account_changes"("id") ON DELETE no action ON UPDATE no action;