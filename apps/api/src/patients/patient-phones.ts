import { requirePhoneNumber, toE164 } from '../common/phone/phone-numbers';

interface WithPhones {
  phone?: string | null;
  emergencyContact?: { phone?: string } | null;
}

/**
 * The patient's own and the emergency contact's numbers in E.164 (issue 13), read in `country` when typed without a
 * country code; a number that cannot be one of that country is refused with 400 naming the field.
 */
export function withE164Phones<T extends WithPhones>(input: T, country: string): T {
  const out = { ...input };
  if (input.phone !== undefined) out.phone = requirePhoneNumber('phone', input.phone, country) as T['phone'];
  if (input.emergencyContact?.phone) {
    out.emergencyContact = { ...input.emergencyContact, phone: requirePhoneNumber('emergencyContact.phone', input.emergencyContact.phone, country) as string };
  }
  return out;
}

/** For the CSV import, which reports instead of refusing: each phone field that is not a number of `country`. */
export function phoneProblemsOf(input: WithPhones, country: string): { field: 'phone' | 'emergencyContact.phone'; value: string }[] {
  const problems: { field: 'phone' | 'emergencyContact.phone'; value: string }[] = [];
  if (input.phone && !toE164(input.phone, country)) problems.push({ field: 'phone', value: input.phone });
  const contact = input.emergencyContact?.phone;
  if (contact && !toE164(contact, country)) problems.push({ field: 'emergencyContact.phone', value: contact });
  return problems;
}
