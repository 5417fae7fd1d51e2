-- The reserve-fund ledger is append-only like the audit log: no UPDATE, DELETE or TRUNCATE,
-- whoever asks. A correction is a new line (a top-up or a return), never an edit.
CREATE OR REPLACE FUNCTION fund_ledger_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'fund_ledger is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER fund_ledger_no_update BEFORE UPDATE OR DELETE ON fund_ledger
  FOR EACH ROW EXECUTE FUNCTION fund_ledger_refuse_change();
--> statement-breakpoint
CREATE TRIGGER fund_ledger_no_truncate BEFORE TRUNCATE ON fund_ledger
  FOR EACH STATEMENT EXECUTE FUNCTION fund_ledger_refuse_change();
