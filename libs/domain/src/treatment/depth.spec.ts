import { classifyProcedure, DEPTH_STEP_MM, DEVICE_DEPTH_SETTINGS_MM, isMedicalDepth, isValidDeviceDepth } from './depth';

describe('isValidDeviceDepth', () => {
  it('lists 11 device settings 0..2.5 mm', () => {
    expect(DEPTH_STEP_MM).toBe(0.25);
    expect(DEVICE_DEPTH_SETTINGS_MM).toEqual([0, 0.25, 0.5, 0.75, 1, 1.25, 1.5, 1.75, 2, 2.25, 2.5]);
    for (const d of DEVICE_DEPTH_SETTINGS_MM) expect(isValidDeviceDepth(d)).toBe(true);
  });
  it.each([0.49, 0.3, 0.1, 2.6, 2.75, 3, -0.25, Number.NaN, Number.POSITIVE_INFINITY, 0.26])('refuses %p', (d) => {
    expect(isValidDeviceDepth(d)).toBe(false);
  });
  it('is float-safe', () => {
    expect(isValidDeviceDepth(0.1 + 0.15)).toBe(true);
    expect(isValidDeviceDepth(0.7 + 0.05)).toBe(true);
    expect(isValidDeviceDepth(3 * 0.25 + 1.75 - 0.000000000001)).toBe(true);
    expect(isValidDeviceDepth(2.5 + 1e-12)).toBe(true);
  });
});

describe('classifyProcedure', () => {
  it('makes a session medical when its deepest zone is >= 0.5 mm', () => {
    expect(classifyProcedure([{ depthMm: 0.5 }])).toBe('medical');
    expect(classifyProcedure([{ depthMm: 0.25 }, { depthMm: 1.5 }])).toBe('medical');
    expect(classifyProcedure([{ depthMm: 0.25 }])).toBe('cosmetic');
    expect(classifyProcedure([{ depthMm: 0.49 }])).toBe('cosmetic');
    expect(classifyProcedure([{ depthMm: 0 }, { depthMm: 0.25 }])).toBe('cosmetic');
    expect(classifyProcedure([])).toBe('cosmetic');
  });
  it('treats floating-point 0.5 as medical', () => {
    expect(isMedicalDepth(0.2 + 0.3 - 1e-12)).toBe(true);
    expect(classifyProcedure([{ depthMm: 0.1 * 5 }])).toBe('medical');
  });
});
