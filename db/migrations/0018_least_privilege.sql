-- The application's role owns no table (db/roles.ts), so it may not ANALYZE one: the statistics
-- refresh after a large generation (lib/payouts/statistics.ts) goes through this function, which
-- runs as its owner and does that one thing.
CREATE OR REPLACE FUNCTION doudi_analyze_payout_lines() RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  ANALYZE payout_lines;
END;
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION doudi_analyze_payout_lines() FROM PUBLIC;
--> statement-breakpoint
-- The bank's return files are part of the record: append-only, like the audit log and the ledger.
CREATE OR REPLACE FUNCTION bank_returns_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'bank_returns is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER bank_returns_no_update BEFORE UPDATE OR DELETE ON bank_returns
  FOR EACH ROW EXECUTE FUNCTION bank_returns_refuse_change();
--> statement-breakpoint
CREATE TRIGGER bank_returns_no_truncate BEFORE TRUNCATE ON bank_returns
  FOR EACH STATEMENT EXECUTE FUNCTION bank_returns_refuse_change();
