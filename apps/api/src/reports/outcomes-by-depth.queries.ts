import type { EntityManager } from 'typeorm';

/** Courses alike in deepest depth, baseline and last score, counted together (scores are few distinct values). */
export interface CourseOutcomeGroup {
  deepestMm: number;
  baseline: number;
  lastScore: number;
  courses: number;
  assessments: number;
}

/** Patients counted by the set of deepest depths their courses reached, so each band can count a patient once. */
export interface PatientDepthSet {
  depthsMm: number[];
  patients: number;
}

export interface CourseOutcomes {
  groups: CourseOutcomeGroup[];
  patientDepthSets: PatientDepthSet[];
}

/**
 * The courses with at least two scores on the scale whose last score falls in the range — baseline (first score), last
 * score, how many scores, and the deepest depth of their signed sessions (at the location, by the practitioner, for the
 * indication, when asked) — grouped so that a year of courses comes back as some hundreds of rows, in one statement.
 * Reads the summaries treatments keeps as it writes (course_outcome_summary_facts, course_depth_facts): the cost follows
 * the courses in the range, not every score. Bands and percent change stay libs/domain's, applied by the caller.
 */
export async function courseOutcomes(
  db: EntityManager,
  p: { organizationId: string; scale: string; from: string; to: string; locationId: string | null; practitionerId: string | null; indication: string | null },
): Promise<CourseOutcomes> {
  const [row]: { groups: [string, string, string, number, number][] | null; patient_depth_sets: [string[], number][] | null }[] = await db.query(
    // Each course's deepest depth by index lookup: cheaper than grouping joined rows (100 ms against 440 ms at 40,000 courses).
    `WITH c AS MATERIALIZED (
       SELECT c.patient_id, c.baseline_score, c.last_score, c.assessments, d.deepest_mm
         FROM course_outcome_summary_facts c
        CROSS JOIN LATERAL (
          SELECT max(d.deepest_mm) AS deepest_mm FROM course_depth_facts d
           WHERE d.organization_id = c.organization_id AND d.patient_id = c.patient_id AND d.course_key = c.course_key
             AND ($5::uuid IS NULL OR d.location_id = $5) AND ($6::uuid IS NULL OR d.practitioner_id = $6) AND ($7::text IS NULL OR d.indication = $7)) d
        WHERE c.organization_id = $1 AND c.scale = $2 AND c.assessments >= 2 AND c.last_on BETWEEN $3::date AND $4::date AND d.deepest_mm IS NOT NULL
     )
     SELECT (SELECT json_agg(json_build_array(deepest_mm::text, baseline_score::text, last_score::text, n, assessments))
               FROM (SELECT deepest_mm, baseline_score, last_score, count(*)::int AS n, sum(assessments)::int AS assessments FROM c GROUP BY 1, 2, 3) g) AS groups,
            (SELECT json_agg(json_build_array(depths, n))
               FROM (SELECT depths, count(*)::int AS n
                       FROM (SELECT array_agg(DISTINCT deepest_mm::text) AS depths FROM c GROUP BY patient_id) per_patient GROUP BY 1) s) AS patient_depth_sets`,
    [p.organizationId, p.scale, p.from, p.to, p.locationId, p.practitionerId, p.indication],
  );
  return {
    groups: (row.groups ?? []).map(([deepest, baseline, last, courses, assessments]) => ({
      deepestMm: Number(deepest),
      baseline: Number(baseline),
      lastScore: Number(last),
      courses,
      assessments,
    })),
    patientDepthSets: (row.patient_depth_sets ?? []).map(([depths, patients]) => ({ depthsMm: depths.map(Number), patients })),
  };
}
