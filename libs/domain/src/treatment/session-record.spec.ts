import { ADVERSE_EVENT_TYPE_INFO, ADVERSE_EVENT_TYPES } from './adverse-events';
import { anestheticMinutesOnSkin, DEFAULT_POST_CARE_INSTRUCTIONS, sessionWarningLines } from './session-record';

describe('anestheticMinutesOnSkin', () => {
  it('counts whole minutes between application and removal', () => {
    expect(anestheticMinutesOnSkin(new Date('2026-11-25T10:00:00Z'), new Date('2026-11-25T10:45:20Z'))).toBe(45);
  });
  it('is unknown without both times or when removal precedes application', () => {
    expect(anestheticMinutesOnSkin(new Date('2026-11-25T10:00:00Z'), null)).toBeNull();
    expect(anestheticMinutesOnSkin(new Date('2026-11-25T10:00:00Z'), new Date('2026-11-25T09:00:00Z'))).toBeNull();
  });
});

describe('after-care and adverse events (domain.md section 7)', () => {
  it('covers the after-care instructions', () => {
    for (const phrase of ['sunscreen', '24–72 hours', 'Mineral make-up', 'retinoids', 'drainage']) {
      expect(DEFAULT_POST_CARE_INSTRUCTIONS).toContain(phrase);
    }
  });
  it('classifies every adverse event type', () => {
    for (const type of ADVERSE_EVENT_TYPES) expect(ADVERSE_EVENT_TYPE_INFO[type].label.length).toBeGreaterThan(0);
    expect(ADVERSE_EVENT_TYPE_INFO.tram_track_scarring.seriousness).toBe('persistent_or_serious');
    expect(ADVERSE_EVENT_TYPE_INFO.erythema.seriousness).toBe('transient');
  });
});

describe('sessionWarningLines', () => {
  it('says an acknowledgement once when its warning already carries it, and on its own line otherwise', () => {
    expect(
      sessionWarningLines(
        [
          { message: 'History of keloid scarring — acknowledged: No keloid in the area' },
          { message: 'Stretch marks (body): 2 mm is deeper than 1.5 mm' },
        ],
        [
          { code: 'keloid_history', reason: 'No keloid in the area' },
          { code: 'anticoagulants', reason: 'Aspirin stopped a week ago' },
        ],
      ),
    ).toEqual([
      'History of keloid scarring — acknowledged: No keloid in the area',
      'Stretch marks (body): 2 mm is deeper than 1.5 mm',
      'anticoagulants — acknowledged: Aspirin stopped a week ago',
    ]);
  });
});
