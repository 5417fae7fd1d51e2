ALTER TABLE "households" ADD COLUMN "head_name" text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX "households_county_head_idx" ON "households" USING btree ("county_code","head_name","id");--> statement-breakpoint
CREATE INDEX "households_township_head_idx" ON "households" USING btree ("township_code","head_name","id");--> statement-breakpoint
CREATE INDEX "households_village_head_idx" ON "households" USING btree ("village_code","head_name","id");--> statement-breakpoint
CREATE INDEX "households_head_idx" ON "households" USING btree ("head_name","id");