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
  signerName: 'Your full name',
  dateOfBirth: 'Your date of birth',
  signature: 'Your signature',
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
    case 'appointment-closed':
      return p.detail;
    case 'already-signed':
      return 'This form is already signed: there is nothing more to do.';
    case 'consent-revoked':
    case 'consent-superseded':
      return 'The clinic has changed this form since it was sent to you. Please call the clinic: they will give you the new one.';
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
      if (p.status === 410) return 'This has ended: the link or the time it was for is over. Please start again, or call the clinic.';
      if (p.status === 404) return 'We could not find this. The link may be mistyped, or the appointment is over.';
      if (p.status === 429) return 'Too many attempts: please try again later.';
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
