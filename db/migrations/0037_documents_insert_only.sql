-- 材料 are insert-only like the audit log: a document row and its withdrawal are never edited
-- nor removed, whoever asks (the file itself is content-addressed and never overwritten).
CREATE OR REPLACE FUNCTION documents_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is insert-only (% refused)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER documents_no_update BEFORE UPDATE OR DELETE ON documents
  FOR EACH ROW EXECUTE FUNCTION documents_refuse_change();
--> statement-breakpoint
CREATE TRIGGER documents_no_truncate BEFORE TRUNCATE ON documents
  FOR EACH STATEMENT EXECUTE FUNCTION documents_refuse_change();
--> statement-breakpoint
CREATE TRIGGER document_withdrawals_no_update BEFORE UPDATE OR DELETE ON document_withdrawals
  FOR EACH ROW EXECUTE FUNCTION documents_refuse_change();
--> statement-breakpoint
CREATE TRIGGER document_withdrawals_no_truncate BEFORE TRUNCATE ON document_withdrawals
  FOR EACH STATEMENT EXECUTE FUNCTION documents_refuse_change();
