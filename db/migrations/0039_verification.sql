CREATE TABLE "application_supporters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"name" text NOT NULL,
	"id_number" varchar(18) NOT NULL,
	"relation" text NOT NULL,
	"relation_text" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "verification_answers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"answered_on" date,
	"file_name" text,
	"sha256" varchar(64),
	"line_count" integer,
	"imported_by" uuid
);
--> statement-breakpoint
CREATE TABLE "verification_consents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"signed_on" date NOT NULL,
	"signer_member_ids" uuid[] NOT NULL,
	"signer_supporter_ids" uuid[] NOT NULL,
	"document_id" uuid,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"withdrawn_on" date,
	"withdrawn_reason" text,
	"withdrawn_by" uuid
);
--> statement-breakpoint
CREATE TABLE "verification_departments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" varchar(32) NOT NULL,
	"name" text NOT NULL,
	"matters" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"sort_order" integer DEFAULT 100 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "verification_departments_code_unique" UNIQUE("code"),
	CONSTRAINT "verification_departments_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "verification_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"batch_no" varchar(32) NOT NULL,
	"application_id" uuid NOT NULL,
	"consent_id" uuid NOT NULL,
	"county_code" varchar(6) NOT NULL,
	"village_code" varchar(12) NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"persons" jsonb NOT NULL,
	"requested_by" uuid NOT NULL,
	"requested_on" date NOT NULL,
	"completed_on" date,
	"stopped_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "verification_requests_batch_no_unique" UNIQUE("batch_no")
);
--> statement-breakpoint
CREATE TABLE "verification_results" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"request_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"item" text NOT NULL,
	"amount_fen" bigint,
	"note" text
);
--> statement-breakpoint
ALTER TABLE "application_supporters" ADD CONSTRAINT "application_supporters_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "verification_answers" ADD CONSTRAINT "verification_answers_request_id_verification_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."verification_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "verification_answers" ADD CONSTRAINT "verification_answers_department_id_verification_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."verification_departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "verification_consents" ADD CONSTRAINT "verification_consents_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "verification_requests" ADD CONSTRAINT "verification_requests_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "verification_requests" ADD CONSTRAINT "verification_requests_consent_id_verification_consents_id_fk" FOREIGN KEY ("consent_id") REFERENCES "public"."verification_consents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "verification_results" ADD CONSTRAINT "verification_results_request_id_verification_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."verification_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "verification_results" ADD CONSTRAINT "verification_results_department_id_verification_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."verification_departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "application_supporters_uq" ON "application_supporters" USING btree ("application_id","id_number");--> statement-breakpoint
CREATE UNIQUE INDEX "verification_answers_uq" ON "verification_answers" USING btree ("request_id","department_id");--> statement-breakpoint
CREATE UNIQUE INDEX "verification_consents_in_force_uq" ON "verification_consents" USING btree ("application_id") WHERE "verification_consents"."withdrawn_on" is null;--> statement-breakpoint
CREATE INDEX "verification_requests_application_idx" ON "verification_requests" USING btree ("application_id","created_at");--> statement-breakpoint
CREATE INDEX "verification_results_request_idx" ON "verification_results" USING btree ("request_id","department_id");--> statement-breakpoint
INSERT INTO "verification_departments" ("code", "name", "matters", "sort_order") VALUES
  ('police', '公安', '户籍、车辆以外的身份信息（死亡、服刑等）', 10),
  ('hrss', '人社', '工资性收入、养老金、失业保险金', 20),
  ('real_estate', '不动产登记', '房产', 30),
  ('vehicles', '车辆管理', '车辆', 40),
  ('tax', '税务', '工资薪金、经营所得、财产所得', 50),
  ('housing_fund', '住房公积金', '住房公积金缴存及工资性收入', 60),
  ('market', '市场监管', '工商登记（企业、个体工商户）', 70),
  ('bank', '银行', '存款及金融资产', 80),
  ('medical', '医保', '医疗自付费用', 90)
ON CONFLICT ("code") DO NOTHING;
