import { emptyAllergyDraft, withSubstance } from './allergyDrafts';
import { emptyPatientValues, mapPatientField, toPatientBody, validatePatient, type PatientFormValues } from './patientDraft';

const TODAY = '2026-03-02';
const values = (changes: Partial<PatientFormValues> = {}): PatientFormValues => ({
  ...emptyPatientValues(),
  firstName: 'Ana',
  lastName: 'Silva',
  dateOfBirth: '1990-06-15',
  ...changes,
});

describe('checks the patient form makes before sending', () => {
  it('accepts a patient with a name and a date of birth', () => {
    expect(validatePatient(values(), TODAY)).toEqual({});
  });

  it('names every missing required field', () => {
    expect(validatePatient(emptyPatientValues(), TODAY)).toEqual({
      firstName: 'Enter the first name',
      lastName: 'Enter the last name',
      dateOfBirth: 'Enter the date of birth',
    });
  });

  it('treats a name of spaces as missing', () => {
    expect(validatePatient(values({ firstName: '   ' }), TODAY).firstName).toBe('Enter the first name');
  });

  it('refuses a date of birth in the future or before 1900', () => {
    expect(validatePatient(values({ dateOfBirth: '2026-03-03' }), TODAY).dateOfBirth).toBe('The date of birth cannot be in the future');
    expect(validatePatient(values({ dateOfBirth: TODAY }), TODAY).dateOfBirth).toBeUndefined();
    expect(validatePatient(values({ dateOfBirth: '1899-12-31' }), TODAY).dateOfBirth).toBe('Enter a date from 1900 on');
  });

  it('checks phone numbers and email only when given', () => {
    expect(validatePatient(values({ phone: '12' }), TODAY).phone).toBe('Enter a phone number of 7 to 15 digits');
    expect(validatePatient(values({ phone: '(212) 555-0100' }), TODAY).phone).toBeUndefined();
    expect(validatePatient(values({ email: 'ana@' }), TODAY).email).toBe('Enter a valid email address');
    expect(validatePatient(values({ email: ' ana@example.com ' }), TODAY).email).toBeUndefined();
  });

  it('needs the emergency contact’s name once a relationship or phone is given', () => {
    expect(validatePatient(values({ emergencyRelationship: 'sister' }), TODAY).emergencyName).toBe("Enter the contact's name");
    expect(validatePatient(values({ emergencyPhone: '1' }), TODAY)).toMatchObject({
      emergencyName: "Enter the contact's name",
      emergencyPhone: 'Enter a phone number of 7 to 15 digits',
    });
  });
});

describe('the record as the API takes it', () => {
  it('trims text, sends null for empty optional fields and no address or emergency contact when none is given', () => {
    const body = toPatientBody(values({ firstName: '  Ana ', preferredName: ' ', tags: [' acne ', ''] }));
    expect(body).toMatchObject({
      firstName: 'Ana',
      preferredName: null,
      phone: null,
      email: null,
      address: null,
      emergencyContact: null,
      fitzpatrickType: null,
      allergies: [],
      tags: ['acne'],
    });
  });

  it('sends only the address lines that are filled, and the phototype as a number', () => {
    const body = toPatientBody(values({ city: ' Porto ', country: 'PT', fitzpatrickType: '4' }));
    expect(body.address).toEqual({ city: 'Porto', country: 'PT' });
    expect(body.fitzpatrickType).toBe(4);
  });

  it('sends the emergency contact with what was given', () => {
    expect(toPatientBody(values({ emergencyName: ' Rui ', emergencyPhone: '212 555 0100' })).emergencyContact).toEqual({
      name: 'Rui',
      phone: '212 555 0100',
    });
  });

  it('sends allergy rows that name a substance, with their class', () => {
    // The class follows the substance as staff type it (lidocaine is an amide anaesthetic); blank rows are dropped.
    const allergies = [withSubstance(emptyAllergyDraft(), ' Lidocaine '), emptyAllergyDraft()];
    expect(toPatientBody(values({ allergies })).allergies).toEqual([{ substance: 'Lidocaine', class: 'amide_anesthetic' }]);
  });
});

describe('API field errors shown on the form', () => {
  it('land on the matching input, nested and indexed fields included', () => {
    expect(mapPatientField('firstName')).toBe('firstName');
    expect(mapPatientField('address.postalCode')).toBe('postalCode');
    expect(mapPatientField('emergencyContact.phone')).toBe('emergencyPhone');
    expect(mapPatientField('tags[2]')).toBe('tags');
    expect(mapPatientField('allergies[0].substance')).toBe('allergies[0].substance');
  });

  it('are not mapped for fields the form does not have', () => {
    expect(mapPatientField('organizationId')).toBeUndefined();
  });
});
