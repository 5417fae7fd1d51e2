-- A late entry (补录) is evidence: once written it never changes, except that the supervisor who
-- decides the case records, once, that they checked it (acknowledged_by / acknowledged_at).
-- Any other UPDATE, any DELETE and TRUNCATE are refused, whoever asks.
CREATE OR REPLACE FUNCTION late_entries_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF OLD.acknowledged_by IS NULL AND NEW.acknowledged_by IS NOT NULL
       AND (to_jsonb(NEW) - 'acknowledged_by' - 'acknowledged_at') = (to_jsonb(OLD) - 'acknowledged_by' - 'acknowledged_at') THEN
      RETURN NEW;
    END IF;
  END IF;
  RAISE EXCEPTION 'late_entries: only the acknowledgment may be recorded, once (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER late_entries_no_change BEFORE UPDATE OR DELETE ON late_entries
  FOR EACH ROW EXECUTE FUNCTION late_entries_guard();
--> statement-breakpoint
CREATE TRIGGER late_entries_no_truncate BEFORE TRUNCATE ON late_entries
  FOR EACH STATEMENT EXECUTE FUNCTION late_entries_guard();
