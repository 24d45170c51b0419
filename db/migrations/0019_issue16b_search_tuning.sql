-- Search tuning (issue 16, part two), from the experiment part one left: search_term_query with
-- unweighted operands — a word matches as written or by a stem (search_exact_query still says
-- which came first, for the ranking), and a word whose stem is itself is one operand, so the
-- planner estimates it like any word — and finer statistics on the stored vectors (1,000 entries
-- per column instead of 100), so it tells a rare word from a common one and picks the index that
-- suits each (PERFORMANCE.md's "the planner misjudges rare words").
CREATE OR REPLACE FUNCTION search_term_query(term text) RETURNS tsquery
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT CASE
      WHEN words IS NULL THEN NULL
      WHEN search_fold(term) ~ '^[a-z]+$' THEN (
        SELECT string_agg(DISTINCT search_lexeme(l, ''), ' | ')::tsquery
        FROM unnest(words || tsvector_to_array(to_tsvector('simple', search_fold(array_to_string(
          tsvector_to_array(to_tsvector('english', term)) || tsvector_to_array(to_tsvector('turkish', term)), ' '))))) l)
      WHEN search_fold(term) ~ '^[a-z0-9_%+-]*[.@][a-z0-9._@-]*$' THEN
        (SELECT string_agg(search_lexeme(l, ''), ' & ') FROM unnest(words) l)::tsquery || search_lexeme(search_fold(term), ':*')::tsquery
      ELSE (SELECT string_agg(search_lexeme(l, ''), ' & ') FROM unnest(words) l)::tsquery
    END
    FROM (SELECT nullif(tsvector_to_array(to_tsvector('simple', search_text(term))), '{}') AS words) q
  $$;
--> statement-breakpoint
ALTER TABLE messages ALTER COLUMN search_vector SET STATISTICS 1000;
--> statement-breakpoint
ALTER TABLE threads ALTER COLUMN search_doc SET STATISTICS 1000;
--> statement-breakpoint
ANALYZE messages;
--> statement-breakpoint
ANALYZE threads;
