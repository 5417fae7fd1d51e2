CREATE TABLE "regions" (
	"code" varchar(12) PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"level" text NOT NULL,
	"parent_code" varchar(12),
	"city_code" varchar(6),
	"county_code" varchar(6),
	"township_code" varchar(9)
);
--> statement-breakpoint
CREATE TABLE "sign_in_throttle" (
	"key" text PRIMARY KEY NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"window_start" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"username" varchar(64) NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"password_hash" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"session_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"actor_name" text,
	"action" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text,
	"region_code" varchar(12),
	"before" jsonb,
	"after" jsonb,
	"reason" text
);
--> statement-breakpoint
CREATE TABLE "policy_standards" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "policy_standards_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"program" text NOT NULL,
	"component" text NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"effective_from" date NOT NULL,
	"amount_fen" bigint,
	"basis_points" integer,
	"int_value" integer,
	"text_value" text,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"household_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"description" text NOT NULL,
	"value_fen" bigint,
	"recorded_on" date NOT NULL,
	"disposed_on" date,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "households" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"village_code" varchar(12) NOT NULL,
	"township_code" varchar(9) NOT NULL,
	"county_code" varchar(6) NOT NULL,
	"address" text NOT NULL,
	"kind" text NOT NULL,
	"phone" varchar(20),
	"registered_poor" boolean DEFAULT false NOT NULL,
	"registered_poor_year" smallint,
	"poverty_causes" text[],
	"left_poverty" boolean DEFAULT false NOT NULL,
	"left_poverty_year" smallint,
	"bank_name" text,
	"bank_account_kind" text,
	"bank_account" varchar(32),
	"bank_account_holder" text,
	"status" text DEFAULT 'active' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "income_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"household_id" uuid NOT NULL,
	"member_id" uuid,
	"kind" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date,
	"excluded" boolean DEFAULT false NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"household_id" uuid NOT NULL,
	"name" text NOT NULL,
	"id_number" varchar(18) NOT NULL,
	"birth_date" date NOT NULL,
	"sex" text NOT NULL,
	"relation" text NOT NULL,
	"is_head" boolean DEFAULT false NOT NULL,
	"disability_kind" text,
	"disability_grade" smallint,
	"disability_certificate" text,
	"serious_illness" boolean DEFAULT false NOT NULL,
	"school_stage" text,
	"working_capacity" text,
	"status" text DEFAULT 'active' NOT NULL,
	"left_on" date,
	"left_reason" text,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_standards" ADD CONSTRAINT "policy_standards_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assets" ADD CONSTRAINT "assets_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "households" ADD CONSTRAINT "households_village_code_regions_code_fk" FOREIGN KEY ("village_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "income_items" ADD CONSTRAINT "income_items_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "income_items" ADD CONSTRAINT "income_items_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "members" ADD CONSTRAINT "members_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "regions_parent_idx" ON "regions" USING btree ("parent_code");--> statement-breakpoint
CREATE INDEX "regions_county_idx" ON "regions" USING btree ("county_code");--> statement-breakpoint
CREATE INDEX "regions_township_idx" ON "regions" USING btree ("township_code");--> statement-breakpoint
CREATE UNIQUE INDEX "users_username_uq" ON "users" USING btree (lower("username"));--> statement-breakpoint
CREATE INDEX "audit_entity_idx" ON "audit_log" USING btree ("entity","entity_id");--> statement-breakpoint
CREATE INDEX "audit_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_region_idx" ON "audit_log" USING btree ("region_code");--> statement-breakpoint
CREATE UNIQUE INDEX "policy_standards_uq" ON "policy_standards" USING btree ("program","component","region_code","effective_from");--> statement-breakpoint
CREATE INDEX "assets_household_idx" ON "assets" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "households_phone_idx" ON "households" USING btree ("phone");--> statement-breakpoint
CREATE INDEX "households_county_created_idx" ON "households" USING btree ("county_code","created_at","id");--> statement-breakpoint
CREATE INDEX "households_township_created_idx" ON "households" USING btree ("township_code","created_at","id");--> statement-breakpoint
CREATE INDEX "households_village_created_idx" ON "households" USING btree ("village_code","created_at","id");--> statement-breakpoint
CREATE INDEX "households_created_idx" ON "households" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "income_household_idx" ON "income_items" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "members_household_idx" ON "members" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "members_id_number_idx" ON "members" USING btree ("id_number");--> statement-breakpoint
CREATE UNIQUE INDEX "members_active_id_number_uq" ON "members" USING btree ("id_number") WHERE "members"."status" = 'active';--> statement-breakpoint
CREATE UNIQUE INDEX "members_one_head_uq" ON "members" USING btree ("household_id") WHERE "members"."is_head" and "members"."status" = 'active';