import * as domain from '../index';

describe('public exports of the domain library', () => {
  it('re-exports the dates, treatment, screening and gs1 modules', () => {
    for (const name of [
      'addDays', 'addMonths', 'daysBetween', 'compareIsoDates',
      'FACIAL_ZONES', 'DEPTH_STEP_MM', 'isValidDeviceDepth', 'classifyProcedure', 'resolveZoneMaximums', 'validateZoneMaxOverrides', 'evaluateZoneDepths',
      'emptyMedicalHistory', 'MEDICAL_HISTORY_FIELDS', 'DEFAULT_SCREENING_SETTINGS', 'screenPatient',
      'parseGs1', 'gtinCheckDigit', 'isValidGtin', 'normalizeGtin',
      'DEVICE_MAX_DEPTH_MM',
    ]) {
      expect(`${name}:${typeof (domain as Record<string, unknown>)[name]}`).not.toBe(`${name}:undefined`);
    }
  });
});
