CREATE TABLE "payout_line_flags" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "payout_line_flags_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"run_id" uuid NOT NULL,
	"line_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"detail" text NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"resolved_by" uuid,
	"resolved_at" timestamp with time zone,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "payout_line_flags" ADD CONSTRAINT "payout_line_flags_run_id_payout_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."payout_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payout_line_flags" ADD CONSTRAINT "payout_line_flags_line_id_payout_lines_id_fk" FOREIGN KEY ("line_id") REFERENCES "public"."payout_lines"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "payout_line_flags_line_kind_uq" ON "payout_line_flags" USING btree ("line_id","kind");--> statement-breakpoint
CREATE INDEX "payout_line_flags_run_idx" ON "payout_line_flags" USING btree ("run_id","line_id");--> statement-breakpoint
CREATE INDEX "payout_line_flags_run_open_idx" ON "payout_line_flags" USING btree ("run_id") WHERE "payout_line_flags"."state" = 'open';