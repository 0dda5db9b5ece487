import type { ApiProblem } from './api';

/** Field names of the API, in the patient's words (the details form's labels). */
const FIELD_WORDS: Record<string, string> = {
  'patient.firstName': 'First name',
  'patient.lastName': 'Last name',
  'patient.dateOfBirth': 'Date of birth',
  'patient.email': 'E-mail',
  'patient.phone': 'Phone',
  acceptPolicy: 'Policy',
  code: 'Code',
  reason: 'Reason',
};

/**
 * A refusal in plain words (issue 16: "A refused online booking says why in plain words"). The API's `detail` is
 * already written for the patient for rule violations, expired holds and the cancellation window; the codes below
 * get a sentence of their own where the API's would read as technical.
 */
export function plainWords(error: ApiProblem): string {
  const p = error.problem;
  if (p.status === 0) return p.detail;
  switch (error.code) {
    case 'too-many-requests':
      return 'Too many attempts: please try again later.';
    case 'rule-violation':
    case 'hold-expired':
    case 'hold-ended':
    case 'inside-cancellation-window':
      return p.detail;
    case 'slot-taken':
      return 'Sorry, someone has just taken that time. Please choose another.';
    case 'not-found':
      return 'We could not find this. The link may be mistyped, or the appointment is over.';
    case 'illegal-transition':
    case 'not-reschedulable':
      return `This appointment can no longer be changed online. ${p.detail}`;
    case 'validation': {
      const errors = p.errors ?? [];
      if (errors.length === 0) return p.detail;
      return errors.map((e) => `${FIELD_WORDS[e.field] ?? e.field}: ${e.message}`).join('. ');
    }
    default:
      return p.status >= 500 ? 'Something went wrong on our side. Please try again in a moment.' : p.detail;
  }
}

/** The field each validation problem names, for the input it belongs to. */
export function fieldMessages(error: ApiProblem): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of error.problem.errors ?? []) out[e.field] ??= e.message;
  return out;
}

/** The rule codes of a 422 refusal (e.g. `existing-patients-only`). */
export function violationCodes(error: ApiProblem): string[] {
  return (error.problem.violations ?? []).map((v) => v.code);
}
