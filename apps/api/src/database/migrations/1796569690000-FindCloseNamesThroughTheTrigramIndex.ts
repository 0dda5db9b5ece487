import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Patient search's close names (typos, group 6 of patient-search.queries.ts) through the trigram index.
 *
 * Under row-level security PostgreSQL uses a condition as an index condition only when its operators are leakproof,
 * and pg_trgm's (`%`, `<%`, `<->`) are not (marking them so needs a superuser): the search filtered the clinic's whole
 * patient list row by row (735 ms at 100,000 patients, 12 s at 1,000,000). This SECURITY DEFINER function, owned by
 * the tables' owner (who bypasses row-level security), reads the GIN trigram index instead, and answers only candidate
 * ids with their distance, of the tenant the request's sign-in check set (none when it is unset); the search joins
 * them back to `patients`, whose rows still pass row-level security for the app role.
 *
 * It reads exactly what the search listed as close names: every word close to a word of the name (`<%`), or for
 * several words the whole term close to the whole name (`%`), thresholds as set for the database and the app role
 * (1796569620000); the search's filters (archived, tag), patients an e-mail start already listed left out, nearest
 * first after the keyset cursor (distance, id), at most `p_limit`.
 */
export class FindCloseNamesThroughTheTrigramIndex1796569690000 implements MigrationInterface {
  name = 'FindCloseNamesThroughTheTrigramIndex1796569690000';

  async up(q: QueryRunner): Promise<void> {
    // PL/pgSQL for one reason: the number of words shapes the condition, and only a condition naming each word (no
    // "word IS NULL OR") is an index condition. The words and term are parameters (USING), never spliced in.
    await q.query(CLOSE_NAMES_AMONG_PATIENTS);
    // Only the API's role may call it (ensure-app-role.ts grants it, app-role-privileges.ts lists it).
    await q.query(`REVOKE EXECUTE ON FUNCTION patient_close_names(text[], text, boolean, text, text, real, uuid, integer) FROM PUBLIC`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION patient_close_names(text[], text, boolean, text, text, real, uuid, integer)`);
  }
}

/** The function as this migration creates it (1796569720000 replaces it and puts it back on the way down). */
export const CLOSE_NAMES_AMONG_PATIENTS = `
      CREATE OR REPLACE FUNCTION patient_close_names(p_words text[], p_term text, p_include_archived boolean, p_tag text,
                                          p_email_prefix text, p_after_distance real, p_after_id uuid, p_limit integer)
      RETURNS TABLE (id uuid, distance real)
      LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $fn$
      DECLARE
        tenant uuid := NULLIF(current_setting('app.organization_id', true), '')::uuid;
        words integer := coalesce(cardinality(p_words), 0);
        close text;
      BEGIN
        IF tenant IS NULL OR words NOT BETWEEN 1 AND 4 OR p_term IS NULL OR p_limit IS NULL OR p_limit < 1 THEN RETURN; END IF;
        SELECT string_agg(format('public.patient_search_text($1[%s]) OPERATOR(public.<%%) p.search_name', i), ' AND ')
          INTO close FROM generate_series(1, words) i;
        IF words > 1 THEN close := format('(%s) OR public.patient_search_text($2) OPERATOR(public.%%) p.search_name', close); END IF;
        RETURN QUERY EXECUTE format($q$
          SELECT c.id, c.distance
            FROM (SELECT p.id, (p.search_name OPERATOR(public.<->) public.patient_search_text($2))::real AS distance
                    FROM public.patients p
                   WHERE p.organization_id = $3 AND (%s)
                     AND ($4 OR p.archived_at IS NULL)
                     AND ($5::text IS NULL OR p.tags @> ARRAY[$5::text])
                     AND ($6::text IS NULL OR p.email IS NULL
                          OR NOT (p.email COLLATE "C" >= $6::text COLLATE "C" AND p.email COLLATE "C" < ($6::text || chr(1114111)) COLLATE "C"))) c
           WHERE $8::uuid IS NULL OR (c.distance, c.id) > ($7::real, $8::uuid)
           ORDER BY c.distance, c.id
           LIMIT $9$q$, close)
          USING p_words, p_term, tenant, p_include_archived, p_tag, p_email_prefix, p_after_distance, p_after_id, p_limit;
      END $fn$`;
