CREATE TABLE "notice_counters" (
	"county_code" varchar(6) NOT NULL,
	"year" integer NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "notice_counters_county_code_year_pk" PRIMARY KEY("county_code","year")
);
--> statement-breakpoint
CREATE TABLE "notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"county_code" varchar(6) NOT NULL,
	"township_code" varchar(9) NOT NULL,
	"village_code" varchar(12) NOT NULL,
	"year" integer NOT NULL,
	"seq" integer NOT NULL,
	"number" text NOT NULL,
	"household_id" uuid NOT NULL,
	"application_id" uuid,
	"enrollment_change_id" uuid,
	"issued_on" date NOT NULL,
	"issued_by" uuid NOT NULL,
	"body" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "notices_number_uq" ON "notices" USING btree ("county_code","year","seq");--> statement-breakpoint
CREATE INDEX "notices_household_idx" ON "notices" USING btree ("household_id","issued_on");--> statement-breakpoint
CREATE INDEX "notices_application_idx" ON "notices" USING btree ("application_id");