import { courseIntervalViolation, medicalIntervalViolation, nextMedicalSessionFrom } from './medical-interval';

describe('medical interval (domain.md section 3)', () => {
  it('lets a session 28 days or more from every other one pass', () => {
    expect(medicalIntervalViolation('2026-03-09', [{ id: 'a', date: '2026-02-09' }, { id: 'b', date: '2026-04-06' }], 28)).toBeNull();
    expect(medicalIntervalViolation('2026-03-09', [], 28)).toBeNull();
  });

  it('refuses one closer than the interval on either side, naming the nearest', () => {
    const v = medicalIntervalViolation('2026-03-09', [{ id: 'before', date: '2026-02-20' }, { id: 'after', date: '2026-03-12' }], 28);
    expect(v).toMatchObject({ code: 'medical-interval', subject: '2026-03-12', tooClose: [{ id: 'before' }, { id: 'after' }] });
    expect(v?.message).toBe('Medical needling needs at least 28 days between sessions; the patient has one on Feb 20, 2026 and Mar 12, 2026');
  });

  it('says from when the next session may be when the clash lies before the day', () => {
    const v = medicalIntervalViolation('2026-03-09', [{ id: 's', date: '2026-03-01' }], 28);
    expect(v).toMatchObject({ subject: '2026-03-01' });
    expect(v?.message).toContain('(the next from Mar 29, 2026)');
    expect(nextMedicalSessionFrom('2026-03-01', 28)).toBe('2026-03-29');
  });

  it('counts a session on the same day, and none when the interval is 0', () => {
    expect(medicalIntervalViolation('2026-03-09', [{ id: 's', date: '2026-03-09' }], 28)?.subject).toBe('2026-03-09');
    expect(medicalIntervalViolation('2026-03-09', [{ id: 's', date: '2026-03-09' }], 0)).toBeNull();
  });

  it('holds a course to the same interval', () => {
    expect(courseIntervalViolation(4, 28)).toBeNull();
    expect(courseIntervalViolation(3, 28)).toEqual({ code: 'course-interval-too-short', message: 'Medical needling needs at least 28 days between sessions; 3 weeks is 21' });
  });
});
