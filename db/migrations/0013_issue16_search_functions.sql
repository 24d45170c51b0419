-- Issue 16: search that finds what customers quote. Both PostgreSQL 15 (Debian's contrib) and
-- PGlite (its contrib/unaccent and contrib/pg_trgm, loaded by db/client.ts) accept this SQL.
--
--   search_fold(text)          accents away (Ç→c, Ş→s, İ/ı→i, ß→ss), lower case
--   search_text(text)          what a vector is made of: folded, codes split and joined, phone digits
--   search_vector(text)        the stored vector: each word as written (weight A) and its English and Turkish stems (B)
--   search_exact_query(term)   a term as typed, weight A only: "exact"
--   search_term_query(term)    a term as typed, or by its stems, or (a partial e-mail) as a prefix
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION search_fold(value text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, coalesce(value, ''))) $$;
--> statement-breakpoint
-- Folded, with hyphenated codes split into their parts and also written joined (ORD-109778 →
-- "ord 109778 … ord109778"), and each phone-like run of 7+ digits written as its digits and, when
-- longer, its last ten (+90 (555) 123-45-67 → 905551234567 5551234567), so any format matches.
CREATE OR REPLACE FUNCTION search_text(value text) RETURNS text
  LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
  AS $$
  DECLARE
    f text := search_fold(value);
    result text := regexp_replace(f, '([a-z0-9])-(?=[a-z0-9])', '\1 ', 'g');
    m text[];
    digits text;
  BEGIN
    IF position('-' IN f) > 0 THEN
      FOR m IN SELECT regexp_matches(f, '([a-z0-9]+(?:-[a-z0-9]+)+)', 'g') LOOP
        result := result || ' ' || replace(m[1], '-', '');
      END LOOP;
    END IF;
    IF f ~ '[0-9][0-9 ().-]{5,}[0-9]' THEN
      FOR m IN SELECT regexp_matches(f, '(\+?[0-9][0-9 ().-]{5,}[0-9])', 'g') LOOP
        digits := regexp_replace(m[1], '[^0-9]', '', 'g');
        IF length(digits) >= 7 THEN
          result := result || ' ' || digits;
          IF length(digits) > 10 THEN
            result := result || ' ' || right(digits, 10);
          END IF;
        END IF;
      END LOOP;
    END IF;
    RETURN result;
  END
  $$;
--> statement-breakpoint
-- Every word as written (folded), weight A; the English and Turkish stems that are not already
-- words of the text, weight B (arrived → arriv, siparişlerim → sipariş → siparis).
CREATE OR REPLACE FUNCTION search_vector(value text) RETURNS tsvector
  LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
  AS $$
  DECLARE
    words tsvector := setweight(to_tsvector('simple', search_text(value)), 'A');
    plain text := translate(coalesce(value, ''), '-', ' ');
  BEGIN
    RETURN words || setweight(ts_delete(to_tsvector('simple', search_fold(array_to_string(
      tsvector_to_array(to_tsvector('english', plain)) || tsvector_to_array(to_tsvector('turkish', plain)), ' '))), tsvector_to_array(words)), 'B');
  END
  $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION search_lexeme(lexeme text, suffix text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT '''' || replace(replace(lexeme, '\', '\\'), '''', '''''') || '''' || suffix $$;
--> statement-breakpoint
-- A term exactly as typed: each of its folded lexemes, as a word of the text (weight A).
CREATE OR REPLACE FUNCTION search_exact_query(term text) RETURNS tsquery
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT nullif(string_agg(search_lexeme(l, ':A'), ' & '), '')::tsquery
    FROM unnest(tsvector_to_array(to_tsvector('simple', search_text(term)))) l
  $$;
--> statement-breakpoint
-- A term as typed, or — a single word — by its English or Turkish stem, or — a partial e-mail or
-- host (with '@' or '.') — as the start of a longer one. Null when the term has no word at all.
CREATE OR REPLACE FUNCTION search_term_query(term text) RETURNS tsquery
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT CASE
      WHEN exact IS NULL THEN NULL
      WHEN search_fold(term) ~ '^[a-z]+$' THEN exact || coalesce((
        SELECT string_agg(DISTINCT search_lexeme(l, ''), ' | ')::tsquery
        FROM unnest(tsvector_to_array(to_tsvector('english', term)) || tsvector_to_array(to_tsvector('turkish', term))) s,
             unnest(tsvector_to_array(to_tsvector('simple', search_fold(s)))) l), exact)
      WHEN search_fold(term) ~ '^[a-z0-9_%+-]*[.@][a-z0-9._@-]*$' THEN exact || search_lexeme(search_fold(term), ':*')::tsquery
      ELSE exact
    END
    FROM (SELECT search_exact_query(term) AS exact) q
  $$;
--> statement-breakpoint
-- A whole search: every term (as typed or by its stems; or exactly, for "exact first"), every
-- phrase (its words next to each other), none of the excluded words. Null when nothing in it can
-- be searched. Immutable, so with its arguments known the planner sees the query itself.
CREATE OR REPLACE FUNCTION search_query(terms text[], phrases text[], excluded text[], exact boolean) RETURNS tsquery
  LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
  AS $$
  DECLARE
    result tsquery;
    q tsquery;
    term text;
  BEGIN
    FOREACH term IN ARRAY coalesce(terms, '{}') LOOP
      q := CASE WHEN exact THEN search_exact_query(term) ELSE search_term_query(term) END;
      IF q IS NOT NULL THEN result := CASE WHEN result IS NULL THEN q ELSE result && q END; END IF;
    END LOOP;
    FOREACH term IN ARRAY coalesce(phrases, '{}') LOOP
      q := phraseto_tsquery('simple', search_text(term));
      IF q IS NOT NULL AND q <> ''::tsquery THEN result := CASE WHEN result IS NULL THEN q ELSE result && q END; END IF;
    END LOOP;
    IF result IS NULL THEN RETURN NULL; END IF;
    FOREACH term IN ARRAY coalesce(excluded, '{}') LOOP
      q := search_exact_query(term);
      IF q IS NOT NULL THEN result := result && !!q; END IF;
    END LOOP;
    RETURN result;
  END
  $$;
--> statement-breakpoint
-- The folded words a search looks for, and its stems marked with a trailing '*' (a stem matches
-- the start of a word), for marking them in what it found.
CREATE OR REPLACE FUNCTION search_words(terms text[]) RETURNS text[]
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT coalesce(array_agg(DISTINCT w), '{}') FROM (
      SELECT unnest(tsvector_to_array(to_tsvector('simple', search_text(t)))) AS w FROM unnest(terms) t
      UNION ALL
      SELECT unnest(tsvector_to_array(to_tsvector('simple', search_fold(array_to_string(
        tsvector_to_array(to_tsvector('english', t)) || tsvector_to_array(to_tsvector('turkish', t)), ' '))))) || '*'
      FROM unnest(terms) t WHERE search_fold(t) ~ '^[a-z]+$'
    ) x
  $$;
--> statement-breakpoint
-- Any of the terms (for candidates that match some words in the thread and others in a message).
CREATE OR REPLACE FUNCTION search_any_query(terms text[]) RETURNS tsquery
  LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
  AS $$
  DECLARE
    result tsquery;
    q tsquery;
    term text;
  BEGIN
    FOREACH term IN ARRAY coalesce(terms, '{}') LOOP
      q := search_term_query(term);
      IF q IS NOT NULL THEN result := CASE WHEN result IS NULL THEN q ELSE result || q END; END IF;
    END LOOP;
    RETURN result;
  END
  $$;
