-- The /audit filters (lib/audit/queries.ts): one index per filter, in the page's order (at, id),
-- so a first page and a keyset page deep in the log read about a page of rows each
-- (scripts/bench/audit.ts, 10,000,000 rows). audit_log stays append-only and chained (0001,
-- 0022): indexes only, no change to its rows or triggers.
--
-- Text in reasons: pg_trgm needs three characters and pg_bigm is not available, so the reason's
-- every character and every pair of characters (lower-cased) is a key of a GIN index — prefixed
-- with the row's month (UTC, YYYYMM), so that a search reads the matches of one range of months
-- at a time, newest first, instead of every match of a common pair across the whole log (a
-- bitmap of 26,000 scattered rows, sorted, took seconds). The query re-checks the whole term.
--
-- The month of a UTC timestamp is fixed whatever the session's time zone: immutable. Self-
-- contained (no call to another function of ours): PostgreSQL 17 and later build an index with
-- search_path set to pg_catalog only, so a call to public.* inside would not be found.
CREATE OR REPLACE FUNCTION doudi_audit_text_keys(reason text, at timestamptz) RETURNS text[]
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT coalesce(array_agg(DISTINCT m.month || x.g), '{}')
    FROM (SELECT to_char(extract(year FROM at AT TIME ZONE 'UTC')::int * 100 + extract(month FROM at AT TIME ZONE 'UTC')::int, 'FM000000') AS month) m
    CROSS JOIN generate_series(1, char_length(reason)) AS i
    CROSS JOIN LATERAL (VALUES (substr(lower(reason), i, 1)), (substr(lower(reason), i, 2))) AS x(g)
    WHERE char_length(x.g) = 1 OR i < char_length(reason)
  $$;
--> statement-breakpoint
DROP INDEX "audit_at_idx";--> statement-breakpoint
CREATE INDEX "audit_at_id_idx" ON "audit_log" USING btree ("at","id");--> statement-breakpoint
CREATE INDEX "audit_actor_at_idx" ON "audit_log" USING btree ("actor_id","at","id");--> statement-breakpoint
CREATE INDEX "audit_action_at_idx" ON "audit_log" USING btree ("action","at","id");--> statement-breakpoint
CREATE INDEX "audit_entity_at_idx" ON "audit_log" USING btree ("entity","at","id");--> statement-breakpoint
CREATE INDEX "audit_county_at_idx" ON "audit_log" USING btree (left(region_code, 6),"at","id");--> statement-breakpoint
CREATE INDEX "audit_sign_in_at_idx" ON "audit_log" USING btree ("at","id") WHERE action like 'auth.%';--> statement-breakpoint
CREATE INDEX "audit_reason_keys_idx" ON "audit_log" USING gin (doudi_audit_text_keys(reason, at)) WHERE reason is not null;