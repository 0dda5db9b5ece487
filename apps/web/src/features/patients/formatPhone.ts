/**
 * A stored phone number (an optional + and digits) for reading: North American numbers as (212) 555-0100 or
 * +1 (212) 555-0100; anything else in groups of the original digits.
 */
export function formatPhone(phone: string): string {
  const international = phone.startsWith('+');
  const digits = phone.replace(/\D/g, '');
  const national = (d: string) => `(${d.slice(0, 3)}) ${d.slice(3, 6)}-${d.slice(6)}`;
  if (!international && digits.length === 10) return national(digits);
  if (digits.length === 11 && digits.startsWith('1')) return `+1 ${national(digits.slice(1))}`;
  return international ? `+${digits}` : digits;
}
