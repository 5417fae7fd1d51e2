-- Tamper evidence for the audit log: every row is linked, in commit order, into a hash chain.
-- A link's hash is sha256(previous hash, the row's content); editing, deleting or slipping in a
-- row behind the application's back (a superuser with the triggers off) breaks the chain at that
-- row, and doudi_audit_chain_check() reports the first broken link.
CREATE TABLE "audit_chain" (
	"seq" bigint PRIMARY KEY NOT NULL,
	"audit_id" bigint NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	"sealed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "audit_chain_audit_id_unique" UNIQUE("audit_id")
);
--> statement-breakpoint
ALTER TABLE "audit_chain" ADD CONSTRAINT "audit_chain_audit_id_audit_log_id_fk" FOREIGN KEY ("audit_id") REFERENCES "public"."audit_log"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
-- The content a link covers, one definition for sealing and for checking.
CREATE OR REPLACE FUNCTION doudi_audit_row_text(a audit_log) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT concat_ws(E'\x1f', a.id::text, to_char(a.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'), coalesce(a.actor_id::text, ''),
    coalesce(a.actor_name, ''), a.action, a.entity, coalesce(a.entity_id, ''), coalesce(a.region_code, ''),
    coalesce(a.before::text, ''), coalesce(a.after::text, ''), coalesce(a.reason, ''))
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION doudi_audit_link_hash(prev text, a audit_log) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT encode(sha256(convert_to(prev || E'\x1e' || doudi_audit_row_text(a), 'UTF8')), 'hex')
$$;
--> statement-breakpoint
-- At commit (a deferred constraint trigger): the order of links is the order of commits, and
-- the chain's head is locked only for the instant between this and the commit itself.
CREATE OR REPLACE FUNCTION audit_log_seal() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  head record;
BEGIN
  PERFORM pg_advisory_xact_lock(7303);
  SELECT seq, hash INTO head FROM audit_chain ORDER BY seq DESC LIMIT 1;
  INSERT INTO audit_chain (seq, audit_id, prev_hash, hash)
  VALUES (coalesce(head.seq, 0) + 1, NEW.id, coalesce(head.hash, ''), doudi_audit_link_hash(coalesce(head.hash, ''), NEW));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER audit_log_sealed AFTER INSERT ON audit_log DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION audit_log_seal();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_chain_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_chain is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_chain_no_update BEFORE UPDATE OR DELETE ON audit_chain FOR EACH ROW EXECUTE FUNCTION audit_chain_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_chain_no_truncate BEFORE TRUNCATE ON audit_chain FOR EACH STATEMENT EXECUTE FUNCTION audit_chain_refuse_change();
--> statement-breakpoint
-- The rows written before the chain existed are linked now, in id order.
DO $$
DECLARE
  a audit_log;
  prev text := '';
  n bigint := 0;
BEGIN
  FOR a IN SELECT * FROM audit_log ORDER BY id LOOP
    n := n + 1;
    INSERT INTO audit_chain (seq, audit_id, prev_hash, hash) VALUES (n, a.id, prev, doudi_audit_link_hash(prev, a));
    prev := doudi_audit_link_hash(prev, a);
  END LOOP;
END;
$$;
--> statement-breakpoint
-- The check: the first link whose row is gone or changed, or that does not follow the one
-- before it; and the first row with no link at all (written with the sealing trigger off).
CREATE OR REPLACE FUNCTION doudi_audit_chain_check() RETURNS TABLE (links bigint, broken_seq bigint, broken_audit_id bigint, problem text)
LANGUAGE sql STABLE AS $$
  WITH walked AS (
    SELECT c.seq, c.audit_id, c.prev_hash, c.hash, lag(c.hash, 1, '') OVER (ORDER BY c.seq) AS expected_prev,
      lag(c.seq, 1, 0::bigint) OVER (ORDER BY c.seq) AS prev_seq, a AS row
    FROM audit_chain c LEFT JOIN audit_log a ON a.id = c.audit_id
  ),
  bad AS (
    SELECT seq, audit_id,
      CASE WHEN (row).id IS NULL THEN 'missing_row'
           WHEN seq <> prev_seq + 1 OR prev_hash <> expected_prev THEN 'broken_link'
           WHEN hash <> doudi_audit_link_hash(prev_hash, row) THEN 'changed_row' END AS problem
    FROM walked
  ),
  first_bad AS (SELECT seq, audit_id, problem FROM bad WHERE problem IS NOT NULL ORDER BY seq LIMIT 1),
  unlinked AS (SELECT a.id FROM audit_log a WHERE NOT EXISTS (SELECT 1 FROM audit_chain c WHERE c.audit_id = a.id) ORDER BY a.id LIMIT 1)
  SELECT (SELECT count(*) FROM audit_chain),
    coalesce((SELECT seq FROM first_bad), NULL),
    coalesce((SELECT audit_id FROM first_bad), (SELECT id FROM unlinked)),
    coalesce((SELECT problem FROM first_bad), CASE WHEN EXISTS (SELECT 1 FROM unlinked) THEN 'unlinked_row' END)
$$;
