-- Name search by any two or more consecutive characters. Most Chinese names have two or three
-- characters, and a trigram index cannot serve a two-character query; an index of each name's
-- character pairs (bigrams) can: "晓军" → {晓军}, "穆小军" → {穆小, 小军}.
CREATE OR REPLACE FUNCTION doudi_bigrams(s text) RETURNS text[]
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT coalesce(array_agg(DISTINCT substr(s, i, 2)), '{}')
    FROM generate_series(1, greatest(char_length(s) - 1, 0)) AS i
  $$;
--> statement-breakpoint
CREATE INDEX members_name_bigrams_idx ON members USING gin (doudi_bigrams(name));
--> statement-breakpoint
-- "Last digits of the ID": a prefix search on the reversed number uses a btree.
CREATE INDEX members_id_reversed_idx ON members (reverse(id_number) text_pattern_ops);
