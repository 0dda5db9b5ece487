import type { EntityManager } from 'typeorm';

export interface CourseOutcomeRow {
  patient_id: string;
  baseline: number;
  last_score: number;
  assessments: number;
  deepest_mm: number;
}

/** Courses without a plan share this key per patient (a join on NULL would never match). */
const NO_PLAN = '00000000-0000-0000-0000-000000000000';

/**
 * One row per course with at least two scores on the scale whose last score falls in the range: its baseline (first
 * score), last score, how many scores, and the deepest depth of its signed sessions (at the location, by the
 * practitioner, for the indication, when asked). Reads only the views treatments publishes (course_session_facts,
 * course_outcome_scores).
 */
export async function courseOutcomes(
  db: EntityManager,
  p: { organizationId: string; scale: string; from: string; to: string; locationId: string | null; practitionerId: string | null; indication: string | null },
): Promise<CourseOutcomeRow[]> {
  const rows: Record<string, unknown>[] = await db.query(
    `WITH scores AS (
       SELECT patient_id, COALESCE(course_id, '${NO_PLAN}'::uuid) AS course_key, score, assessed_on,
              row_number() OVER (PARTITION BY patient_id, course_id ORDER BY assessed_on, recorded_at, assessment_id) AS from_first,
              row_number() OVER (PARTITION BY patient_id, course_id ORDER BY assessed_on DESC, recorded_at DESC, assessment_id DESC) AS from_last
         FROM course_outcome_scores
        WHERE organization_id = $1 AND scale = $2
     ), courses AS (
       SELECT patient_id, course_key,
              min(score) FILTER (WHERE from_first = 1) AS baseline,
              min(score) FILTER (WHERE from_last = 1) AS last_score,
              min(assessed_on) FILTER (WHERE from_last = 1) AS last_on,
              count(*) AS assessments
         FROM scores GROUP BY patient_id, course_key HAVING count(*) >= 2
     ), depths AS (
       SELECT patient_id, COALESCE(course_id, '${NO_PLAN}'::uuid) AS course_key, max(max_depth_mm) AS deepest_mm
         FROM course_session_facts
        WHERE organization_id = $1
          AND ($5::uuid IS NULL OR location_id = $5) AND ($6::uuid IS NULL OR practitioner_id = $6) AND ($7::text IS NULL OR indication = $7)
        GROUP BY 1, 2
     )
     SELECT c.patient_id, c.baseline, c.last_score, c.assessments, d.deepest_mm
       FROM courses c JOIN depths d USING (patient_id, course_key)
      WHERE c.last_on BETWEEN $3::date AND $4::date`,
    [p.organizationId, p.scale, p.from, p.to, p.locationId, p.practitionerId, p.indication],
  );
  return rows.map((r) => ({
    patient_id: r.patient_id as string,
    baseline: Number(r.baseline),
    last_score: Number(r.last_score),
    assessments: Number(r.assessments),
    deepest_mm: Number(r.deepest_mm),
  }));
}
