import { CONSENT_DEFAULT_VALID_DAYS, type ConsentKind } from '@skinledger/domain';
import type { ConsentTemplateVersion } from './consentTypes';

export interface TemplateDraft {
  kind: ConsentKind;
  title: string;
  body: string;
  acknowledgements: { text: string; required: boolean }[];
  validDays: number | string;
  requiresReconsent: boolean;
  changeNote: string;
  /** The form asks a staff witness (on the kiosk; at check-in when signed at home). */
  witnessRequired: boolean;
}

export function emptyDraft(): TemplateDraft {
  return {
    kind: 'custom',
    title: '',
    body: '# Consent to ...\n**Patient:** {{patientName}}, born {{dateOfBirth}}\n**Procedure:** {{procedure}}\n**Practitioner:** {{practitioner}}\n\n## Risks\n- ...\n',
    acknowledgements: [{ text: '', required: true }],
    validDays: CONSENT_DEFAULT_VALID_DAYS,
    requiresReconsent: false,
    changeNote: '',
    witnessRequired: true,
  };
}

export function draftFrom(kind: ConsentKind, version: ConsentTemplateVersion, witnessRequired = true): TemplateDraft {
  return {
    kind,
    title: version.title,
    body: version.body,
    acknowledgements: version.acknowledgements.map((a) => ({ text: a.text, required: a.required })),
    validDays: version.validDays,
    requiresReconsent: false,
    changeNote: '',
    witnessRequired,
  };
}
