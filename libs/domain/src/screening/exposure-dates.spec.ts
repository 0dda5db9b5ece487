import { emptyMedicalHistory } from './answers';
import { exposureDatesInTheFuture } from './exposure-dates';

describe('exposureDatesInTheFuture', () => {
  it('names last-exposure dates after the recording day, and accepts that day itself', () => {
    const answers = { ...emptyMedicalHistory(), isotretinoinLastDoseOn: '2099-01-01', waxingLastOn: '2026-11-25', sunburnLastOn: '2026-11-26' };
    expect(exposureDatesInTheFuture(answers, '2026-11-25')).toEqual(['isotretinoinLastDoseOn', 'sunburnLastOn']);
    expect(exposureDatesInTheFuture(emptyMedicalHistory(), '2026-11-25')).toEqual([]);
  });
});
