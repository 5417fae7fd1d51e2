-- A source held twice before this index could only have been taken by two drafts at once
-- (approved runs are frozen): drafts give up their copy, the line of the earliest run keeps it;
-- regenerating a draft brings back what it should hold. A source paid twice by approved runs
-- stops this migration on purpose: that is money to recover, for a person to look at.
DELETE FROM "payout_lines" l
USING "payout_runs" r
WHERE r.id = l.run_id AND r.state = 'draft' AND l.source_id IS NOT NULL AND l.kind <> 'recovery'
  AND EXISTS (
    SELECT 1 FROM "payout_lines" o JOIN "payout_runs" orun ON orun.id = o.run_id
    WHERE o.kind = l.kind AND o.source_id = l.source_id AND o.id <> l.id
      AND (orun.state <> 'draft' OR (orun.month, o.id) < (r.month, l.id))
  );
--> statement-breakpoint
CREATE UNIQUE INDEX "payout_lines_one_holder_uq" ON "payout_lines" USING btree ("kind","source_id") WHERE "payout_lines"."source_id" is not null and "payout_lines"."kind" <> 'recovery';
