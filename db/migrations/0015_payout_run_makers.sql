ALTER TABLE "payout_runs" ADD COLUMN "maker_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL;--> statement-breakpoint
-- Drafts made before this column: their last generator and the authors of the adjustments they
-- hold. Runs out of draft are frozen (payout_runs_guard) and need no makers any more.
UPDATE "payout_runs" r SET "maker_ids" = ARRAY(
  SELECT DISTINCT x FROM unnest(ARRAY[r.prepared_by] || ARRAY(
    SELECT a.created_by FROM payout_lines l JOIN payout_adjustments a ON a.id::text = l.source_id
    WHERE l.run_id = r.id AND l.kind IN ('arrears', 'recovery'))) x)
WHERE r.state = 'draft';
