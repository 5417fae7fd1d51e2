-- The /audit filters (lib/audit/queries.ts): one index per filter, in the page's order (at, id),
-- so a first page and a keyset page deep in the log read about a page of rows each
-- (scripts/bench/audit.ts, 10,000,000 rows). audit_log stays append-only and chained (0001,
-- 0022): indexes only, no change to its rows or triggers.
--
-- Text in reasons: every character and every pair of characters of the reason, lower-cased, so
-- that a search for one or two Chinese characters (拒绝, 死) is a GIN lookup. pg_trgm needs three
-- characters and pg_bigm is not available; the query re-checks the whole term with strpos.
CREATE OR REPLACE FUNCTION doudi_text_grams(s text) RETURNS text[]
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT coalesce(array_agg(DISTINCT g), '{}')
    FROM generate_series(1, char_length(s)) AS i
    CROSS JOIN LATERAL (VALUES (substr(lower(s), i, 1)), (substr(lower(s), i, 2))) AS x(g)
    WHERE char_length(g) = 1 OR i < char_length(s)
  $$;
--> statement-breakpoint
DROP INDEX "audit_at_idx";--> statement-breakpoint
CREATE INDEX "audit_at_id_idx" ON "audit_log" USING btree ("at","id");--> statement-breakpoint
CREATE INDEX "audit_actor_at_idx" ON "audit_log" USING btree ("actor_id","at","id");--> statement-breakpoint
CREATE INDEX "audit_action_at_idx" ON "audit_log" USING btree ("action","at","id");--> statement-breakpoint
CREATE INDEX "audit_entity_at_idx" ON "audit_log" USING btree ("entity","at","id");--> statement-breakpoint
CREATE INDEX "audit_county_at_idx" ON "audit_log" USING btree (left(region_code, 6),"at","id");--> statement-breakpoint
CREATE INDEX "audit_sign_in_at_idx" ON "audit_log" USING btree ("at","id") WHERE action like 'auth.%';--> statement-breakpoint
CREATE INDEX "audit_reason_grams_idx" ON "audit_log" USING gin (doudi_text_grams(reason)) WHERE reason is not null;