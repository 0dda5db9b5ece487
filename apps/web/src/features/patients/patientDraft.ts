import type { Schemas } from '@skinledger/api-client';
import { isIsoDate, normalizePhone, type PatientSex } from '@skinledger/domain';
import type { FieldErrors } from '@web/lib/problems/describeProblem';
import { fieldsOf } from '@web/lib/problems/useProblemFeedback';
import { isPlausibleEmail } from '@web/lib/form/rules';
import { phoneProblem } from '@web/lib/phone/phoneNumbers';
import type { useForm } from '@web/lib/form/useForm';
import { draftsFromAllergies, isAllergyField, toAllergies, type AllergyDraft } from './allergyDrafts';
import type { Patient } from './patientTypes';

/** The patient form: every field of CreatePatientDto as the inputs hold it (text, '' for none). */
export interface PatientFormValues {
  firstName: string;
  lastName: string;
  preferredName: string;
  dateOfBirth: string;
  sex: PatientSex;
  externalId: string;
  phone: string;
  email: string;
  addressLine1: string;
  addressLine2: string;
  city: string;
  region: string;
  postalCode: string;
  country: string;
  emergencyName: string;
  emergencyRelationship: string;
  emergencyPhone: string;
  /** "1".."6", or null when not recorded. */
  fitzpatrickType: string | null;
  allergies: AllergyDraft[];
  notes: string;
  tags: string[];
}

export function emptyPatientValues(): PatientFormValues {
  return {
    firstName: '',
    lastName: '',
    preferredName: '',
    dateOfBirth: '',
    sex: 'unknown',
    externalId: '',
    phone: '',
    email: '',
    addressLine1: '',
    addressLine2: '',
    city: '',
    region: '',
    postalCode: '',
    country: '',
    emergencyName: '',
    emergencyRelationship: '',
    emergencyPhone: '',
    fitzpatrickType: null,
    allergies: [],
    notes: '',
    tags: [],
  };
}

export function valuesFromPatient(p: Patient): PatientFormValues {
  return {
    firstName: p.firstName,
    lastName: p.lastName,
    preferredName: p.preferredName ?? '',
    dateOfBirth: p.dateOfBirth,
    sex: p.sex,
    externalId: p.externalId ?? '',
    phone: p.phone ?? '',
    email: p.email ?? '',
    addressLine1: p.address?.line1 ?? '',
    addressLine2: p.address?.line2 ?? '',
    city: p.address?.city ?? '',
    region: p.address?.region ?? '',
    postalCode: p.address?.postalCode ?? '',
    country: p.address?.country ?? '',
    emergencyName: p.emergencyContact?.name ?? '',
    emergencyRelationship: p.emergencyContact?.relationship ?? '',
    emergencyPhone: p.emergencyContact?.phone ?? '',
    fitzpatrickType: p.fitzpatrickType ? String(p.fitzpatrickType) : null,
    allergies: draftsFromAllergies(p.allergies),
    notes: p.notes,
    tags: p.tags,
  };
}

const hasText = (value: string) => value.trim().length > 0;

/**
 * Checks the browser can do before sending; the API checks the same and more. Phone numbers typed without a country
 * code are read in `country` (the location's), as the API reads them; without one, only their shape is checked.
 */
export function validatePatient(v: PatientFormValues, today: string, country?: string | null): FieldErrors {
  const phoneError = (typed: string) =>
    !hasText(typed) ? null : country ? phoneProblem(typed, country) : normalizePhone(typed) ? null : 'Enter a phone number of 7 to 15 digits';
  const errors: FieldErrors = {};
  if (!hasText(v.firstName)) errors.firstName = 'Enter the first name';
  if (!hasText(v.lastName)) errors.lastName = 'Enter the last name';
  if (!isIsoDate(v.dateOfBirth)) errors.dateOfBirth = 'Enter the date of birth';
  else if (v.dateOfBirth > today) errors.dateOfBirth = 'The date of birth cannot be in the future';
  else if (v.dateOfBirth < '1900-01-01') errors.dateOfBirth = 'Enter a date from 1900 on';
  const phone = phoneError(v.phone);
  if (phone) errors.phone = phone;
  if (hasText(v.email) && !isPlausibleEmail(v.email)) errors.email = 'Enter a valid email address';
  const emergencyPhone = phoneError(v.emergencyPhone);
  if (emergencyPhone) errors.emergencyPhone = emergencyPhone;
  const emergencyDetails = hasText(v.emergencyRelationship) || hasText(v.emergencyPhone);
  if (emergencyDetails && !hasText(v.emergencyName)) errors.emergencyName = "Enter the contact's name";
  return errors;
}

const text = (value: string) => value.trim();
const orNull = (value: string) => (hasText(value) ? value.trim() : null);
const optional = (value: string) => (hasText(value) ? value.trim() : undefined);

function addressOf(v: PatientFormValues): Schemas['AddressDto'] | null {
  const address = {
    line1: optional(v.addressLine1),
    line2: optional(v.addressLine2),
    city: optional(v.city),
    region: optional(v.region),
    postalCode: optional(v.postalCode),
    country: optional(v.country),
  };
  const filled = Object.entries(address).filter(([, value]) => value !== undefined);
  return filled.length > 0 ? Object.fromEntries(filled) : null;
}

function emergencyContactOf(v: PatientFormValues): Schemas['EmergencyContactDto'] | null {
  if (!hasText(v.emergencyName)) return null;
  return {
    name: text(v.emergencyName),
    ...(hasText(v.emergencyRelationship) ? { relationship: text(v.emergencyRelationship) } : {}),
    ...(hasText(v.emergencyPhone) ? { phone: text(v.emergencyPhone) } : {}),
  };
}

/** The whole record as the API takes it; used to create and (PATCH takes any subset) to update. */
export function toPatientBody(v: PatientFormValues): Schemas['CreatePatientDto'] {
  return {
    firstName: text(v.firstName),
    lastName: text(v.lastName),
    preferredName: orNull(v.preferredName),
    dateOfBirth: v.dateOfBirth,
    sex: v.sex,
    externalId: orNull(v.externalId),
    phone: orNull(v.phone),
    email: orNull(v.email),
    address: addressOf(v),
    emergencyContact: emergencyContactOf(v),
    fitzpatrickType: v.fitzpatrickType ? Number(v.fitzpatrickType) : null,
    allergies: toAllergies(v.allergies),
    notes: v.notes.trim(),
    tags: v.tags.map((t) => t.trim()).filter(Boolean),
  };
}

const mapSimpleField = fieldsOf(
  ['firstName', 'lastName', 'preferredName', 'dateOfBirth', 'sex', 'externalId', 'phone', 'email', 'fitzpatrickType', 'notes', 'tags'],
  {
    'address.line1': 'addressLine1',
    'address.line2': 'addressLine2',
    'address.city': 'city',
    'address.region': 'region',
    'address.postalCode': 'postalCode',
    'address.country': 'country',
    'emergencyContact.name': 'emergencyName',
    'emergencyContact.relationship': 'emergencyRelationship',
    'emergencyContact.phone': 'emergencyPhone',
  },
);

/** API field paths to form fields: nested address and emergency contact fields, allergy rows, tags. */
export function mapPatientField(apiField: string): string | undefined {
  if (isAllergyField(apiField)) return apiField;
  if (/^tags(\[\d+\])?$/.test(apiField)) return 'tags';
  return mapSimpleField(apiField);
}

/** The form state the patient form's field groups share. */
export type PatientForm = ReturnType<typeof useForm<PatientFormValues>>;
