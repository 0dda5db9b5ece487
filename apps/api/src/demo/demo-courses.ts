import type { DemoRandom } from './demo-random';

export interface DemoCourseZone {
  zone: string;
  depthMm: number;
  passes: number;
  /** Deeper than the zone maximum (domain.md section 2): only with a recorded reason. */
  overrideReason?: string;
}

/** Who treats a course: the schedule's practitioners by role (credential rules: domain.md section 1). */
export type DemoClinician = 'physician' | 'nurse' | 'aesthetician';

export interface DemoCourseBand {
  /** The report's band label (libs/domain DEPTH_BANDS), for reading only. */
  band: string;
  medical: boolean;
  zones: DemoCourseZone[];
  sessions: number;
  intervalWeeks: number;
  /** Goodman & Baron quantitative score at baseline (0–84, domain.md section 8): milder scarring in the cosmetic band. */
  baseline: [number, number];
  /** Mean share of the baseline score gone at the last assessment. */
  improvement: number;
  /** One course per entry: who treats it. */
  clinicians: DemoClinician[];
}

const DEEP_CHEEKS = 'Deep rolling and boxcar scars on both cheeks; dermal thickness assessed by the physician before treatment';

/**
 * Acne-scar courses in every depth band of the outcomes report, eight patients each, scored on the Goodman & Baron
 * quantitative scale. The deeper medical bands improve more, as the reference article reports for medical against
 * cosmetic needling; the figures are modest and made up (this is a demo), not a clinical claim. The deepest band goes
 * past the cheeks' 2.0 mm maximum, so each of its sessions carries a depth override with its reason.
 */
export const DEMO_COURSE_BANDS: DemoCourseBand[] = [
  {
    band: '<0.5',
    medical: false,
    zones: [
      { zone: 'forehead', depthMm: 0.25, passes: 2 },
      { zone: 'cheeks', depthMm: 0.25, passes: 3 },
      { zone: 'periorbital', depthMm: 0.25, passes: 1 },
    ],
    sessions: 4,
    intervalWeeks: 4,
    baseline: [8, 16],
    improvement: 0.08,
    clinicians: ['aesthetician', 'aesthetician', 'aesthetician', 'aesthetician', 'aesthetician', 'nurse', 'nurse', 'nurse'],
  },
  {
    band: '0.5–1.0',
    medical: true,
    zones: [
      { zone: 'cheeks', depthMm: 0.75, passes: 3 },
      { zone: 'forehead', depthMm: 0.5, passes: 2 },
      { zone: 'chin_jawline', depthMm: 0.5, passes: 2 },
    ],
    sessions: 3,
    intervalWeeks: 5,
    baseline: [14, 24],
    improvement: 0.17,
    clinicians: ['nurse', 'nurse', 'nurse', 'nurse', 'nurse', 'physician', 'physician', 'physician'],
  },
  {
    band: '1.0–1.5',
    medical: true,
    zones: [
      { zone: 'cheeks', depthMm: 1.25, passes: 3 },
      { zone: 'forehead', depthMm: 0.5, passes: 2 },
      { zone: 'chin_jawline', depthMm: 1, passes: 2 },
    ],
    sessions: 3,
    intervalWeeks: 6,
    baseline: [18, 30],
    improvement: 0.26,
    clinicians: ['nurse', 'nurse', 'nurse', 'nurse', 'physician', 'physician', 'physician', 'physician'],
  },
  {
    band: '1.5–2.0',
    medical: true,
    zones: [
      { zone: 'cheeks', depthMm: 1.75, passes: 3 },
      { zone: 'forehead', depthMm: 0.5, passes: 2 },
      { zone: 'chin_jawline', depthMm: 1.25, passes: 2 },
    ],
    sessions: 4,
    intervalWeeks: 6,
    baseline: [22, 36],
    improvement: 0.33,
    clinicians: ['physician', 'physician', 'physician', 'physician', 'physician', 'physician', 'nurse', 'nurse'],
  },
  {
    band: '2.0–2.5',
    medical: true,
    zones: [
      { zone: 'cheeks', depthMm: 2.25, passes: 2, overrideReason: DEEP_CHEEKS },
      { zone: 'forehead', depthMm: 0.5, passes: 2 },
      { zone: 'chin_jawline', depthMm: 1.25, passes: 2 },
    ],
    sessions: 4,
    intervalWeeks: 6,
    baseline: [26, 42],
    improvement: 0.38,
    clinicians: ['physician', 'physician', 'physician', 'physician', 'physician', 'physician', 'physician', 'physician'],
  },
];

/**
 * A course's scores, baseline first: one at each session and one at the review after the last, falling evenly to
 * the course's improvement (drawn around the band's mean), whole points as the scale takes them.
 */
export function demoCourseScores(band: DemoCourseBand, random: DemoRandom): number[] {
  const baseline = random.int(band.baseline[0], band.baseline[1]);
  const improvement = Math.max(0, band.improvement + (random.next() - 0.5) * 0.14);
  const steps = band.sessions; // assessments after the baseline: sessions 2..n and the review
  return Array.from({ length: steps + 1 }, (_, k) => {
    const jitter = k > 0 && k < steps ? random.int(-1, 1) : 0;
    return Math.min(84, Math.max(0, Math.round(baseline * (1 - (improvement * k) / steps)) + jitter));
  });
}
