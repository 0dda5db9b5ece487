import { countryOptions, formatPhone, phoneProblem, toE164 } from './phoneNumbers';

describe('phone numbers for reading', () => {
  it('shows the clinic’s own numbers in national format, whatever form they were stored in', () => {
    expect(formatPhone('+17185551141', 'US')).toBe('(718) 555-1141');
    expect(formatPhone('+19175550199', 'US')).toBe('(917) 555-0199');
    expect(formatPhone('+442079460018', 'GB')).toBe('020 7946 0018');
  });

  it('shows numbers of another country in international format', () => {
    expect(formatPhone('+442079460018', 'US')).toBe('+44 20 7946 0018');
    expect(formatPhone('+17185551141', 'GB')).toBe('+1 718 555 1141');
  });

  it('shows a number kept as typed (it could not be read) as typed, and nothing for none', () => {
    expect(formatPhone('ext. 12 front desk', 'US')).toBe('ext. 12 front desk');
    expect(formatPhone('', 'US')).toBe('');
    expect(formatPhone(null, 'US')).toBe('');
  });
});

describe('phone numbers as typed', () => {
  it('reads a number without a country code in the location’s country', () => {
    expect(toE164('(718) 555 1141', 'US')).toBe('+17185551141');
    expect(toE164('9175550199', 'US')).toBe('+19175550199');
    expect(toE164('020 7946 0018', 'GB')).toBe('+442079460018');
    expect(toE164('+44 20 7946 0018', 'US')).toBe('+442079460018');
  });

  it('says why a number cannot be a number of that country', () => {
    expect(phoneProblem('555-1234', 'US')).toMatch(/Not a valid phone number in United States/);
    expect(phoneProblem('(718) 555 1141', 'US')).toBeNull();
    expect(phoneProblem('', 'US')).toBeNull();
  });

  it('offers countries by name', () => {
    expect(countryOptions()).toContainEqual({ value: 'US', label: 'United States (US)' });
    expect(countryOptions()).toContainEqual({ value: 'GB', label: 'United Kingdom (GB)' });
  });
});
