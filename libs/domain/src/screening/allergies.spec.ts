import { allergiesOfClass, classifyAllergy } from './allergies';
import { medicationsMatching } from './medications';

describe('classifyAllergy', () => {
  it('keeps a recorded class', () => {
    expect(classifyAllergy({ substance: 'Lidocaine', class: 'other' })).toBe('other');
    expect(classifyAllergy({ substance: 'EMLA', class: 'amide_anesthetic' })).toBe('amide_anesthetic');
  });
  it('infers the class from well-known substances', () => {
    expect(classifyAllergy({ substance: 'Lidocaine 4% cream' })).toBe('amide_anesthetic');
    expect(classifyAllergy({ substance: 'BENZOCAINE' })).toBe('ester_anesthetic');
    expect(classifyAllergy({ substance: 'tetracaine' })).toBe('ester_anesthetic');
    expect(classifyAllergy({ substance: 'Nickel' })).toBe('nickel');
    expect(classifyAllergy({ substance: 'stainless steel jewellery' })).toBe('nickel');
    expect(classifyAllergy({ substance: 'latex gloves' })).toBe('latex');
    expect(classifyAllergy({ substance: 'penicillin' })).toBe('other');
  });
  it('collects substances of a class', () => {
    const allergies = [{ substance: 'lidocaine' }, { substance: 'penicillin' }, { substance: 'EMLA', class: 'amide_anesthetic' as const }];
    expect(allergiesOfClass(allergies, 'amide_anesthetic')).toEqual(['lidocaine', 'EMLA']);
    expect(allergiesOfClass(allergies, 'other')).toEqual(['penicillin']);
    expect(allergiesOfClass([], 'latex')).toEqual([]);
  });
});

describe('medicationsMatching', () => {
  it('matches names case-insensitively inside the written medication', () => {
    expect(medicationsMatching(['Aspirin 81 mg', 'Vitamin D', 'ELIQUIS'], ['aspirin', 'eliquis'])).toEqual(['Aspirin 81 mg', 'ELIQUIS']);
    expect(medicationsMatching(['Vitamin D'], ['aspirin'])).toEqual([]);
    expect(medicationsMatching(['anything'], [''])).toEqual([]);
  });
});
