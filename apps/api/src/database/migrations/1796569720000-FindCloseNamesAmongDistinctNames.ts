import type { MigrationInterface, QueryRunner } from 'typeorm';
import { CLOSE_NAMES_AMONG_PATIENTS } from './1796569690000-FindCloseNamesThroughTheTrigramIndex';

const TENANT = `NULLIF(current_setting('app.organization_id', true), '')::uuid`;

/**
 * Patient search's close names (typos, group 6) read among the clinic's distinct names, not its patients.
 *
 * The trigram index over `patients` hands over every patient sharing enough trigrams with the term (17,000 for
 * "john smtih" at 1,000,000 patients), each read back from the heap and compared (about 130 ms), because trigram
 * matching is lossy and needs the name itself. Patients share names, so the same comparison over the distinct names
 * reads some twenty times fewer rows: `patient_search_names` holds each folded name of a clinic once, with how many
 * patients bear it, kept by statement triggers on `patients` (a bulk insert costs one grouped upsert), and carries the
 * trigram index instead. patient_close_names compares the term with these names and then reads only the patients of
 * the close ones, by a btree on (organization_id, search_name), applying the search's filters there.
 *
 * Same candidates, distances and order as before (1796569690000): `<%` and `%` on the name, the distance of the name.
 * A name no patient bears any more (all renamed) is deleted, so the table never keeps a name the clinic no longer holds.
 */
export class FindCloseNamesAmongDistinctNames1796569720000 implements MigrationInterface {
  name = 'FindCloseNamesAmongDistinctNames1796569720000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE patient_search_names (
        organization_id uuid NOT NULL REFERENCES organizations(id),
        search_name text NOT NULL,
        patients integer NOT NULL CHECK (patients >= 0),
        -- Name first: led by organization_id, this key would offer the planner "every name of the clinic" and, without
        -- fresh statistics (right after a bulk load), it took that and compared each name (190 ms at 44,000 names)
        -- instead of reading the trigram index, the only index led by organization_id.
        PRIMARY KEY (search_name, organization_id)
      ) WITH (fillfactor = 70)`);
    await q.query(`ALTER TABLE patient_search_names ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE patient_search_names FORCE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY tenant_isolation ON patient_search_names USING (organization_id = ${TENANT}) WITH CHECK (organization_id = ${TENANT})`);

    // One function for both statement triggers (patients are never deleted: a trigger refuses it). New names are counted
    // up in key order; renamed patients' old names are counted down, under the row's lock, and deleted at zero in the
    // next statement (a concurrent count up waits for the lock, then inserts the name again).
    await q.query(`
      CREATE FUNCTION patient_search_names_count() RETURNS trigger
      LANGUAGE plpgsql SET search_path = pg_catalog, public AS $fn$
      DECLARE
        gone_orgs uuid[];
        gone_names text[];
        gone_counts integer[];
        emptied_orgs uuid[];
        emptied_names text[];
      BEGIN
        IF TG_OP = 'UPDATE' THEN
          SELECT array_agg(organization_id ORDER BY organization_id, search_name), array_agg(search_name ORDER BY organization_id, search_name),
                 array_agg(patients ORDER BY organization_id, search_name)
            INTO gone_orgs, gone_names, gone_counts
            FROM (SELECT o.organization_id, o.search_name, count(*)::int AS patients
                    FROM old_patients o JOIN new_patients n ON n.id = o.id
                   WHERE (n.organization_id, n.search_name) IS DISTINCT FROM (o.organization_id, o.search_name)
                   GROUP BY 1, 2) g;
          INSERT INTO patient_search_names AS s (organization_id, search_name, patients)
          SELECT n.organization_id, n.search_name, count(*)::int
            FROM old_patients o JOIN new_patients n ON n.id = o.id
           WHERE (n.organization_id, n.search_name) IS DISTINCT FROM (o.organization_id, o.search_name)
           GROUP BY 1, 2 ORDER BY 1, 2
          ON CONFLICT (organization_id, search_name) DO UPDATE SET patients = s.patients + excluded.patients;
        ELSE
          INSERT INTO patient_search_names AS s (organization_id, search_name, patients)
          SELECT organization_id, search_name, count(*)::int FROM new_patients GROUP BY 1, 2 ORDER BY 1, 2
          ON CONFLICT (organization_id, search_name) DO UPDATE SET patients = s.patients + excluded.patients;
        END IF;
        IF gone_orgs IS NOT NULL THEN
          WITH counted AS (
            UPDATE patient_search_names s SET patients = s.patients - g.patients
              FROM unnest(gone_orgs, gone_names, gone_counts) AS g(organization_id, search_name, patients)
             WHERE s.organization_id = g.organization_id AND s.search_name = g.search_name
            RETURNING s.organization_id, s.search_name, s.patients)
          SELECT array_agg(organization_id), array_agg(search_name) INTO emptied_orgs, emptied_names FROM counted WHERE patients <= 0;
          IF emptied_orgs IS NOT NULL THEN
            DELETE FROM patient_search_names s USING unnest(emptied_orgs, emptied_names) AS e(organization_id, search_name)
             WHERE s.organization_id = e.organization_id AND s.search_name = e.search_name AND s.patients <= 0;
          END IF;
        END IF;
        RETURN NULL;
      END $fn$`);
    // Transition tables allow one event per trigger and no column list (an edit that keeps the name counts nothing).
    await q.query(`
      CREATE TRIGGER patient_search_names_insert AFTER INSERT ON patients
      REFERENCING NEW TABLE AS new_patients FOR EACH STATEMENT EXECUTE FUNCTION patient_search_names_count()`);
    await q.query(`
      CREATE TRIGGER patient_search_names_update AFTER UPDATE ON patients
      REFERENCING OLD TABLE AS old_patients NEW TABLE AS new_patients FOR EACH STATEMENT EXECUTE FUNCTION patient_search_names_count()`);

    await q.query(`
      INSERT INTO patient_search_names (organization_id, search_name, patients)
      SELECT organization_id, search_name, count(*) FROM patients GROUP BY 1, 2`);
    await q.query(`ANALYZE patient_search_names`);
    // No pending list: every search would read it through (a bulk load left 44,000 names there, 7 ms a search), and new
    // names are rare enough to go straight into the index. Room on each page (fillfactor) keeps counting a name up or
    // down a HOT update, which leaves the indexes alone.
    await q.query(`CREATE INDEX patient_search_names_trgm_idx ON patient_search_names USING gin (organization_id, search_name gin_trgm_ops) WITH (fastupdate = off)`);
    // The close names' patients, and only theirs; the trigram index over patients has no reader left.
    await q.query(`CREATE INDEX patients_search_name_idx ON patients (organization_id, search_name)`);
    await q.query(`DROP INDEX patients_search_name_trgm_idx`);

    // Same signature and grants as before. The close names come nearest first (a few hundred at most, sorted); their
    // patients are read a distance at a time, by id, until the page is full, so a common name's typo reads a page of
    // patients rather than every patient of every close name.
    await q.query(`
      CREATE OR REPLACE FUNCTION patient_close_names(p_words text[], p_term text, p_include_archived boolean, p_tag text,
                                                     p_email_prefix text, p_after_distance real, p_after_id uuid, p_limit integer)
      RETURNS TABLE (id uuid, distance real)
      LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $fn$
      DECLARE
        tenant uuid := NULLIF(current_setting('app.organization_id', true), '')::uuid;
        words integer := coalesce(cardinality(p_words), 0);
        close text;
        close_name record;
        names text[] := '{}';
        names_distance real;
        remaining integer := p_limit;
        listed integer;
      BEGIN
        IF tenant IS NULL OR words NOT BETWEEN 1 AND 4 OR p_term IS NULL OR p_limit IS NULL OR p_limit < 1 THEN RETURN; END IF;
        SELECT string_agg(format('public.patient_search_text($1[%s]) OPERATOR(public.<%%) n.search_name', i), ' AND ')
          INTO close FROM generate_series(1, words) i;
        close := format($q$
          SELECT n.search_name, (n.search_name OPERATOR(public.<->) public.patient_search_text($2))::real AS distance
            FROM public.patient_search_names n
           WHERE n.organization_id = $3 AND %s$q$, close);
        -- Several words: each condition its own arm rather than OR, so each reads the trigram index by the clinic AND the
        -- term. Under OR, without fresh statistics, the planner read the index by the clinic alone and compared every
        -- name (300 ms at 44,000 names).
        IF words > 1 THEN
          close := close || format($q$
            UNION
          SELECT n.search_name, (n.search_name OPERATOR(public.<->) public.patient_search_text($2))::real AS distance
            FROM public.patient_search_names n
           WHERE n.organization_id = $3 AND public.patient_search_text($2) OPERATOR(public.%%) n.search_name$q$);
        END IF;
        -- A trailing NULL name closes the last distance.
        FOR close_name IN EXECUTE format($q$
          SELECT * FROM (%s) n
           WHERE $4::real IS NULL OR n.distance >= $4
           UNION ALL SELECT NULL, NULL
           ORDER BY distance NULLS LAST$q$, close)
          USING p_words, p_term, tenant, p_after_distance
        LOOP
          IF names_distance IS NOT NULL AND close_name.distance IS DISTINCT FROM names_distance THEN
            RETURN QUERY EXECUTE $q$
              SELECT p.id, $2
                FROM public.patients p
               WHERE p.organization_id = $3 AND p.search_name = ANY ($1)
                 AND ($4 OR p.archived_at IS NULL)
                 AND ($5::text IS NULL OR p.tags @> ARRAY[$5::text])
                 AND ($6::text IS NULL OR p.email IS NULL
                      OR NOT (p.email COLLATE "C" >= $6::text COLLATE "C" AND p.email COLLATE "C" < ($6::text || chr(1114111)) COLLATE "C"))
                 AND ($8::uuid IS NULL OR $2 > $7::real OR p.id > $8::uuid)
               ORDER BY p.id
               LIMIT $9$q$
              USING names, names_distance, tenant, p_include_archived, p_tag, p_email_prefix, p_after_distance, p_after_id, remaining;
            GET DIAGNOSTICS listed = ROW_COUNT;
            remaining := remaining - listed;
            IF remaining <= 0 THEN RETURN; END IF;
            names := '{}';
          END IF;
          names_distance := close_name.distance;
          names := names || close_name.search_name;
        END LOOP;
      END $fn$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(CLOSE_NAMES_AMONG_PATIENTS);
    await q.query(`CREATE INDEX patients_search_name_trgm_idx ON patients USING gin (organization_id, search_name gin_trgm_ops)`);
    await q.query(`DROP INDEX patients_search_name_idx`);
    await q.query(`DROP TRIGGER patient_search_names_update ON patients`);
    await q.query(`DROP TRIGGER patient_search_names_insert ON patients`);
    await q.query(`DROP FUNCTION patient_search_names_count()`);
    await q.query(`DROP TABLE patient_search_names`);
  }
}
