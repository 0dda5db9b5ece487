/**
 * Placeholders a template body may use, written `{{name}}`. Rendering is pure so the API (frozen snapshot at consent
 * creation) and the dashboard (live preview in the editor) produce the same text.
 */
export const CONSENT_PLACEHOLDERS = ['patientName', 'dateOfBirth', 'procedure', 'depthRange', 'practitioner'] as const;
export type ConsentPlaceholder = (typeof CONSENT_PLACEHOLDERS)[number];
export type ConsentPlaceholderValues = Record<ConsentPlaceholder, string>;

export const CONSENT_PLACEHOLDER_LABELS: Record<ConsentPlaceholder, string> = {
  patientName: "Patient's full name",
  dateOfBirth: 'Date of birth',
  procedure: 'Procedure',
  depthRange: 'Needle depth range',
  practitioner: 'Practitioner',
};

const PLACEHOLDER = /\{\{\s*([A-Za-z]+)\s*\}\}/g;

/** Placeholders written in the body that are not known (typos such as `{{patientname}}`), in order of appearance. */
export function unknownPlaceholders(body: string): string[] {
  const unknown = new Set<string>();
  for (const match of body.matchAll(PLACEHOLDER)) {
    if (!(CONSENT_PLACEHOLDERS as readonly string[]).includes(match[1])) unknown.add(match[1]);
  }
  return [...unknown];
}

/** The body with each known placeholder replaced by its value; unknown placeholders are left as written. */
export function renderConsentBody(body: string, values: ConsentPlaceholderValues): string {
  return body.replace(PLACEHOLDER, (whole, name: string) =>
    (CONSENT_PLACEHOLDERS as readonly string[]).includes(name) ? values[name as ConsentPlaceholder] : whole,
  );
}

/** "0.5–1.5 mm", "1.0 mm" or a neutral phrase when the depth is left to the practitioner's assessment. */
export function formatDepthRange(minMm: number | null | undefined, maxMm: number | null | undefined): string {
  const mm = (v: number) => (Number(v.toFixed(1)) === v ? v.toFixed(1) : v.toFixed(2));
  if (minMm == null && maxMm == null) return 'as assessed by your practitioner on the day';
  if (minMm == null || maxMm == null || minMm === maxMm) return `${mm((minMm ?? maxMm) as number)} mm`;
  return `${mm(minMm)}–${mm(maxMm)} mm`;
}

/** Sample values for previews of a template (never a real patient). */
export const SAMPLE_PLACEHOLDER_VALUES: ConsentPlaceholderValues = {
  patientName: 'Jordan Sample',
  dateOfBirth: '1988-04-12',
  procedure: 'Medical micro-needling, full face',
  depthRange: formatDepthRange(0.5, 1.5),
  practitioner: 'Alex Rivera, RN',
};
