CREATE TABLE "document_withdrawals" (
	"document_id" uuid PRIMARY KEY NOT NULL,
	"reason" text NOT NULL,
	"withdrawn_by" uuid NOT NULL,
	"withdrawn_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"owner_type" text NOT NULL,
	"household_id" uuid,
	"application_id" uuid,
	"temp_aid_case_id" uuid,
	"complaint_id" uuid,
	"county_code" varchar(6) NOT NULL,
	"township_code" varchar(9),
	"village_code" varchar(12),
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"sha256" varchar(64) NOT NULL,
	"storage_key" text NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "documents_sha256_hex" CHECK ("documents"."sha256" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "documents_size_positive" CHECK ("documents"."size_bytes" > 0),
	CONSTRAINT "documents_one_owner" CHECK (("documents"."owner_type" = 'household' and "documents"."household_id" is not null and "documents"."application_id" is null and "documents"."temp_aid_case_id" is null and "documents"."complaint_id" is null)
        or ("documents"."owner_type" = 'application' and "documents"."application_id" is not null and "documents"."temp_aid_case_id" is null and "documents"."complaint_id" is null)
        or ("documents"."owner_type" = 'temp_aid_case' and "documents"."temp_aid_case_id" is not null and "documents"."application_id" is null and "documents"."complaint_id" is null)
        or ("documents"."owner_type" = 'complaint' and "documents"."complaint_id" is not null and "documents"."application_id" is null and "documents"."temp_aid_case_id" is null))
);
--> statement-breakpoint
ALTER TABLE "document_withdrawals" ADD CONSTRAINT "document_withdrawals_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_withdrawals" ADD CONSTRAINT "document_withdrawals_withdrawn_by_users_id_fk" FOREIGN KEY ("withdrawn_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_temp_aid_case_id_temp_aid_cases_id_fk" FOREIGN KEY ("temp_aid_case_id") REFERENCES "public"."temp_aid_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "documents_household_idx" ON "documents" USING btree ("household_id","uploaded_at");--> statement-breakpoint
CREATE INDEX "documents_application_idx" ON "documents" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "documents_temp_aid_case_idx" ON "documents" USING btree ("temp_aid_case_id");--> statement-breakpoint
CREATE INDEX "documents_complaint_idx" ON "documents" USING btree ("complaint_id");--> statement-breakpoint
CREATE INDEX "documents_sha256_idx" ON "documents" USING btree ("sha256");