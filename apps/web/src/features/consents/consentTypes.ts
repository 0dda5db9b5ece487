import type { Schemas } from '@skinledger/api-client';

export type ConsentTemplate = Schemas['ConsentTemplateDto'];
export type ConsentTemplateDetail = Schemas['ConsentTemplateDetailDto'];
export type ConsentTemplateVersion = Schemas['ConsentTemplateVersionDto'];
export type Consent = Schemas['ConsentDto'];
export type ConsentDetail = Schemas['ConsentDetailDto'];
export type ConsentVerification = Schemas['ConsentVerificationDto'];
