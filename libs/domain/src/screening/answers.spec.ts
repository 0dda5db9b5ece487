import { emptyMedicalHistory } from './answers';
import { MEDICAL_HISTORY_FIELDS } from './fields';

describe('emptyMedicalHistory', () => {
  it('answers no to everything', () => {
    const history = emptyMedicalHistory();
    for (const value of Object.values(history)) {
      expect([false, null, '']).toContainEqual(Array.isArray(value) ? '' : value);
    }
    expect(history.medications).toEqual([]);
    expect(history.allergies).toEqual([]);
  });
  it('returns a fresh object each time', () => {
    const a = emptyMedicalHistory();
    a.medications.push('aspirin');
    expect(emptyMedicalHistory().medications).toEqual([]);
  });
});

describe('MEDICAL_HISTORY_FIELDS', () => {
  it('lists every questionnaire field exactly once', () => {
    const fields = MEDICAL_HISTORY_FIELDS.map((f) => f.field);
    expect(new Set(fields).size).toBe(fields.length);
    expect([...fields].sort()).toEqual(Object.keys(emptyMedicalHistory()).sort());
  });
  it('gives each field an input matching its value type', () => {
    const empty = emptyMedicalHistory();
    for (const info of MEDICAL_HISTORY_FIELDS) {
      const value = empty[info.field];
      const expected = typeof value === 'boolean' ? 'boolean' : value === null ? 'date' : typeof value === 'string' ? 'text' : undefined;
      if (expected) expect(`${info.field}:${info.input}`).toBe(`${info.field}:${expected}`);
      expect(info.label.length).toBeGreaterThan(3);
    }
  });
  it('groups fields by section of domain.md section 4', () => {
    const section = (name: string) => MEDICAL_HISTORY_FIELDS.filter((f) => f.section === name).map((f) => f.field);
    expect(section('absolute')).toContain('isotretinoinLastDoseOn');
    expect(section('absolute')).toContain('pregnantOrBreastfeeding');
    expect(section('relative')).toEqual([
      'keloidHistory',
      'eczemaPsoriasisOrRosaceaInArea',
      'uncontrolledDiabetes',
      'anticoagulantsOrAntiplatelets',
      'immunosuppressed',
      'herpesSimplexHistory',
    ]);
    expect(section('time_window')).toHaveLength(9);
    expect(section('other')).toEqual(['medications', 'allergies', 'freeText']);
  });
});
