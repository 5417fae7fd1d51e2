-- households.head_name: the active head's name ('' when the household has none), kept by the
-- statement-level triggers on members that already keep households.name_bigrams (0005), so the
-- household list can be sorted by head name through an index, keyset on (head_name, id).
--
-- The UPDATE trigger now also picks out members whose head flag or status changed (a head
-- handing over or leaving changes the head's name), not only those whose name or household did.
CREATE OR REPLACE FUNCTION doudi_household_head_name(hid uuid) RETURNS text
  LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT coalesce((SELECT m.name FROM members m WHERE m.household_id = hid AND m.is_head AND m.status = 'active' LIMIT 1), '')
  $$;
--> statement-breakpoint
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
      (SELECT id, household_id, name, is_head, status FROM new_members EXCEPT SELECT id, household_id, name, is_head, status FROM old_members)
      UNION ALL
      (SELECT id, household_id, name, is_head, status FROM old_members EXCEPT SELECT id, household_id, name, is_head, status FROM new_members)
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
     SET name_bigrams = c.bigrams, head_name = c.head
    FROM (SELECT hid, doudi_household_name_bigrams(hid) AS bigrams, doudi_household_head_name(hid) AS head FROM unnest(ids) AS hid) c
   WHERE h.id = c.hid
     AND (h.name_bigrams IS DISTINCT FROM c.bigrams OR h.head_name IS DISTINCT FROM c.head);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- Backfill, in one pass over the active heads.
UPDATE households h
   SET head_name = m.name
  FROM members m
 WHERE m.household_id = h.id AND m.is_head AND m.status = 'active' AND h.head_name IS DISTINCT FROM m.name;
