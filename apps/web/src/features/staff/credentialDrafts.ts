import type { Schemas } from '@skinledger/api-client';
import { isIsoDate, type LicenceType, type StaffRole } from '@skinledger/domain';
import type { FieldErrors } from '@web/lib/problems/describeProblem';

export type CredentialInput = Schemas['PractitionerCredentialInput'];
type CredentialDto = Schemas['PractitionerCredentialDto'];

/** A credential row being edited. `key` keeps React rows stable while rows are added and removed. */
export interface CredentialDraft {
  key: string;
  licenceType: LicenceType;
  licenceNumber: string;
  jurisdiction: string;
  expiresOn: string;
}

/** The licence a new row starts with, matching the role (the user can change it). */
const LICENCE_FOR_ROLE: Partial<Record<StaffRole, LicenceType>> = {
  physician: 'physician',
  nurse: 'registered_nurse',
  aesthetician: 'licensed_aesthetician',
};

let nextKey = 0;
const newKey = () => `credential-${++nextKey}`;

export function emptyDraft(role: StaffRole | null): CredentialDraft {
  return {
    key: newKey(),
    licenceType: (role && LICENCE_FOR_ROLE[role]) ?? 'other',
    licenceNumber: '',
    jurisdiction: '',
    expiresOn: '',
  };
}

export function draftFromCredential(credential: CredentialDto): CredentialDraft {
  const { licenceType, licenceNumber, jurisdiction, expiresOn } = credential;
  return { key: newKey(), licenceType, licenceNumber, jurisdiction, expiresOn };
}

/** A row the user left untouched (no number, jurisdiction or expiry) is not a credential. */
export function isBlankDraft(draft: CredentialDraft): boolean {
  return !draft.licenceNumber.trim() && !draft.jurisdiction.trim() && !draft.expiresOn;
}

export function toCredentialInput(draft: CredentialDraft): CredentialInput {
  return {
    licenceType: draft.licenceType,
    licenceNumber: draft.licenceNumber.trim(),
    jurisdiction: draft.jurisdiction.trim(),
    expiresOn: draft.expiresOn,
  };
}

export const credentialField = (index: number, field: keyof CredentialInput) => `credentials[${index}].${field}`;

/** Errors for incomplete rows, keyed like the API's field paths ("credentials[0].expiresOn"). */
export function validateDrafts(drafts: CredentialDraft[]): FieldErrors {
  const errors: FieldErrors = {};
  drafts.forEach((draft, index) => {
    if (!draft.licenceNumber.trim()) errors[credentialField(index, 'licenceNumber')] = 'Enter the licence number';
    if (!draft.jurisdiction.trim()) errors[credentialField(index, 'jurisdiction')] = 'Enter the issuing state, province or country';
    if (!isIsoDate(draft.expiresOn)) errors[credentialField(index, 'expiresOn')] = 'Enter the expiry date';
  });
  return errors;
}

/** Maps API paths for credentials onto the editor's fields (same shape, so the identity). */
export function isCredentialField(apiField: string): boolean {
  return /^credentials\[\d+\]\.(licenceType|licenceNumber|jurisdiction|expiresOn)$/.test(apiField);
}

export function sameCredentials(a: readonly CredentialInput[], b: readonly CredentialInput[]): boolean {
  const canonical = (list: readonly CredentialInput[]) =>
    JSON.stringify(list.map(({ licenceType, licenceNumber, jurisdiction, expiresOn }) => [licenceType, licenceNumber, jurisdiction, expiresOn]).sort());
  return canonical(a) === canonical(b);
}
