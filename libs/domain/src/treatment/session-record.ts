/** Vocabulary of the treatment record besides depths: photos, skin response, after-care (domain.md sections 5, 7). */

export const PHOTO_PHASES = ['before', 'after'] as const;
export type PhotoPhase = (typeof PHOTO_PHASES)[number];

/** Standard clinical photo angles: frontal, oblique (45°) and profile (90°) on each side. */
export const PHOTO_ANGLES = ['front', 'left45', 'right45', 'left90', 'right90'] as const;
export type PhotoAngle = (typeof PHOTO_ANGLES)[number];

export const PHOTO_ANGLE_LABELS: Record<PhotoAngle, string> = {
  front: 'Front',
  left45: 'Left 45°',
  right45: 'Right 45°',
  left90: 'Left profile',
  right90: 'Right profile',
};

/** Immediate skin response: erythema grade 0 (none) to 4 (severe). */
export const ERYTHEMA_GRADES = [0, 1, 2, 3, 4] as const;

/**
 * Default after-care instructions given to the patient (domain.md section 7). Organizations edit their own copy;
 * the text given is stored with each session.
 */
export const DEFAULT_POST_CARE_INSTRUCTIONS = [
  'After your micro-needling treatment',
  '',
  '- Pinpoint bleeding stops within about 10 minutes; redness like a mild sunburn is expected for 24–48 hours, and light peeling for up to 2 weeks.',
  '- Use a broad-spectrum sunscreen from 24 hours after treatment, and protect your skin from the sun.',
  '- Avoid strenuous exercise for 24–72 hours.',
  '- Mineral make-up may be used from the next day.',
  '- No retinoids, acids or exfoliants for 5–7 days.',
  '- Call the clinic for excessive redness, swelling, pain or any drainage.',
].join('\n');

/** Minutes a topical anaesthetic was on the skin (domain.md section 5), or null if not both times are known. */
export function anestheticMinutesOnSkin(appliedAt: Date | null | undefined, removedAt: Date | null | undefined): number | null {
  if (!appliedAt || !removedAt) return null;
  const minutes = (removedAt.getTime() - appliedAt.getTime()) / 60_000;
  return minutes >= 0 ? Math.round(minutes) : null;
}

export function isPhotoPhase(value: string): value is PhotoPhase {
  return (PHOTO_PHASES as readonly string[]).includes(value);
}

export function isPhotoAngle(value: string): value is PhotoAngle {
  return (PHOTO_ANGLES as readonly string[]).includes(value);
}

/**
 * The warnings of a session record, each said once. The preflight writes a relative contraindication's warning with
 * its acknowledgement ("Keloid history — acknowledged: test patch fine"), and the session also keeps the
 * acknowledgements themselves; an acknowledgement gets a line of its own only when no warning already carries its
 * reason (so the record never prints the same acknowledgement twice).
 */
export function sessionWarningLines(
  warnings: readonly { message: string }[],
  acknowledgements: readonly { code: string; reason: string }[],
): string[] {
  const lines = warnings.map((w) => w.message);
  for (const ack of acknowledgements) {
    if (!lines.some((line) => line.endsWith(`acknowledged: ${ack.reason}`))) lines.push(`${ack.code.replaceAll('_', ' ')} — acknowledged: ${ack.reason}`);
  }
  return lines;
}
