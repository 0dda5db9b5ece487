import type { PreVisitConsent, SignConsentRequest } from './api';
import { isPastCalendarDate } from './time';

/** What she fills in to sign a consent through her link. */
export interface SigningDraft {
  ticked: string[];
  electronicSignatureConsent: boolean;
  signerName: string;
  dateOfBirth: string;
  /** The drawn signature as a data URL, or null. */
  signature: string | null;
}

export const emptySigning = (): SigningDraft => ({ ticked: [], electronicSignatureConsent: false, signerName: '', dateOfBirth: '', signature: null });

export interface SigningProblem {
  inputId: string;
  message: string;
}

export const ackInputId = (key: string) => `ack-${key}`;

/**
 * What is missing before the API is asked, in form order (the API checks all of it again: the required
 * acknowledgements and the agreement to sign electronically are 422s, the name and date of birth 400s).
 */
export function validateSigning(consent: Pick<PreVisitConsent, 'acknowledgements'>, draft: SigningDraft, today: string): SigningProblem[] {
  const problems: SigningProblem[] = [];
  for (const a of consent.acknowledgements) {
    if (a.required && !draft.ticked.includes(a.key)) problems.push({ inputId: ackInputId(a.key), message: `Tick to confirm: ${a.text}` });
  }
  if (!draft.electronicSignatureConsent) problems.push({ inputId: 'esign', message: 'Tick that you agree to sign electronically, or ask the clinic for a paper form' });
  const name = draft.signerName.trim();
  if (name.length < 2) problems.push({ inputId: 'signer-name', message: 'Type your full name' });
  else if (name.length > 200) problems.push({ inputId: 'signer-name', message: 'Your name can be at most 200 characters' });
  if (!draft.dateOfBirth) problems.push({ inputId: 'date-of-birth', message: 'Enter your date of birth' });
  else if (!isPastCalendarDate(draft.dateOfBirth, today)) problems.push({ inputId: 'date-of-birth', message: 'Enter your date of birth as a whole date in the past' });
  if (!draft.signature) problems.push({ inputId: 'signature-pad', message: 'Sign in the signature box' });
  return problems;
}

export function toSignRequest(draft: SigningDraft): SignConsentRequest {
  return {
    signerName: draft.signerName.trim(),
    dateOfBirth: draft.dateOfBirth,
    acknowledgements: draft.ticked,
    signature: draft.signature ?? '',
    electronicSignatureConsent: draft.electronicSignatureConsent,
  };
}

/** The API's field names to the signing view's inputs. */
export const SIGNING_FIELD_INPUTS: Record<string, string> = {
  dateOfBirth: 'date-of-birth',
  signerName: 'signer-name',
  signature: 'signature-pad',
  electronicSignatureConsent: 'esign',
};

/** A refused date of birth in plain words (the API re-checks it against her record). */
export const WRONG_DATE_OF_BIRTH = 'This is not the date of birth the clinic has for you. Check it, or call the clinic.';
