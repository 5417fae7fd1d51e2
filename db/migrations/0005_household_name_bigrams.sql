-- Name search by household: households.name_bigrams (added in 0004) holds every character pair
-- of every member's name, departed members included (a household stays findable by the name
-- of someone who has moved out or died). One GIN lookup then gives the matching households
-- directly, so a common pair ("建国", thousands of members) no longer has to visit every
-- matching member before the page is sorted. The array is the union over members, so a
-- three-character term can match pairs of two different members: the search re-checks
-- those against members.name.
--
-- The value for one household, sorted and without duplicates.
CREATE OR REPLACE FUNCTION doudi_household_name_bigrams(hid uuid) RETURNS text[]
  LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT coalesce(array_agg(DISTINCT b ORDER BY b), '{}')
    FROM members m CROSS JOIN LATERAL unnest(doudi_bigrams(m.name)) AS b
    WHERE m.household_id = hid
  $$;
--> statement-breakpoint
-- Statement-level, with transition tables: a bulk insert of members (roster import, bench
-- data) recomputes each affected household once. PostgreSQL refuses a column list on a
-- trigger with transition tables, so the UPDATE trigger fires on every UPDATE of members and
-- picks out the rows whose name or household changed (a status change alone changes nothing).
CREATE OR REPLACE FUNCTION members_refresh_household_name_bigrams() RETURNS trigger
  LANGUAGE plpgsql AS $$
DECLARE
  ids uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT household_id ORDER BY household_id) INTO ids FROM new_members;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT household_id ORDER BY household_id) INTO ids FROM old_members;
  ELSE
    SELECT array_agg(DISTINCT household_id ORDER BY household_id) INTO ids FROM (
      (SELECT id, household_id, name FROM new_members EXCEPT SELECT id, household_id, name FROM old_members)
      UNION ALL
      (SELECT id, household_id, name FROM old_members EXCEPT SELECT id, household_id, name FROM new_members)
    ) changed;
  END IF;
  IF ids IS NULL THEN
    RETURN NULL;
  END IF;
  -- Lock the households first (in id order), so that the recomputation below, which reads
  -- members with a snapshot taken after the locks are granted, sees every member committed
  -- by a concurrent change to the same household. The app already holds these locks
  -- (lockHousehold); this covers any other writer.
  PERFORM 1 FROM households WHERE id = ANY (ids) ORDER BY id FOR NO KEY UPDATE;
  UPDATE households h
     SET name_bigrams = c.bigrams
    FROM (SELECT hid, doudi_household_name_bigrams(hid) AS bigrams FROM unnest(ids) AS hid) c
   WHERE h.id = c.hid
     AND h.name_bigrams IS DISTINCT FROM c.bigrams;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER members_name_bigrams_insert AFTER INSERT ON members
  REFERENCING NEW TABLE AS new_members
  FOR EACH STATEMENT EXECUTE FUNCTION members_refresh_household_name_bigrams();
--> statement-breakpoint
CREATE TRIGGER members_name_bigrams_update AFTER UPDATE ON members
  REFERENCING OLD TABLE AS old_members NEW TABLE AS new_members
  FOR EACH STATEMENT EXECUTE FUNCTION members_refresh_household_name_bigrams();
--> statement-breakpoint
CREATE TRIGGER members_name_bigrams_delete AFTER DELETE ON members
  REFERENCING OLD TABLE AS old_members
  FOR EACH STATEMENT EXECUTE FUNCTION members_refresh_household_name_bigrams();
--> statement-breakpoint
-- Backfill the households registered before this migration, in one pass over members.
UPDATE households h
   SET name_bigrams = agg.bigrams
  FROM (
    SELECT m.household_id, array_agg(DISTINCT b ORDER BY b) AS bigrams
    FROM members m CROSS JOIN LATERAL unnest(doudi_bigrams(m.name)) AS b
    GROUP BY m.household_id
  ) agg
 WHERE h.id = agg.household_id;
--> statement-breakpoint
-- Built after the backfill (one sorted build instead of a million index insertions).
CREATE INDEX households_name_bigrams_idx ON households USING gin (name_bigrams);
