import { validateSync } from 'class-validator';
import { IsInstant } from './is-instant';

class Probe {
  @IsInstant('at') at!: unknown;
}

const ok = (at: unknown) => {
  const probe = new Probe();
  probe.at = at;
  return validateSync(probe).length === 0;
};

describe('IsInstant', () => {
  it('takes date-times with Z or an offset', () => {
    for (const at of ['2026-03-09T13:00:00Z', '2026-03-09T09:00:00-04:00', '2026-03-09T09:00-04:00', '2026-03-09T13:00:00.123Z', '2028-02-29T23:59:59+14:00']) {
      expect(ok(at)).toBe(true);
    }
  });
  it('refuses a part out of range rather than rolling it into another time (Date.parse reads 24:00 as the next day)', () => {
    for (const at of ['2026-01-01T24:00:00Z', '2026-02-30T10:00:00Z', '2026-04-31T10:00Z', '2027-02-29T10:00Z', '2026-01-01T23:60Z', '2026-01-01T23:59:60Z', '2026-01-01T10:00+24:00', '2026-01-01T10:00-05:60', '2026-00-10T10:00Z']) {
      expect(ok(at)).toBe(false);
    }
  });
  it('refuses what Date cannot read or would read in the server zone', () => {
    for (const at of ['2026-W10-1', '2026-068', '20260309T090000Z', '2026-03-09T09Z', '2026-03-09T09:00:00', '2026-03-09', '2026-13-09T09:00:00Z', 42, null]) {
      expect(ok(at)).toBe(false);
    }
  });
});
