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
    for (const at of ['2026-03-09T13:00:00Z', '2026-03-09T09:00:00-04:00', '2026-03-09T09:00-04:00', '2026-03-09T13:00:00.123Z']) expect(ok(at)).toBe(true);
  });
  it('refuses what Date cannot read or would read in the server zone', () => {
    for (const at of ['2026-W10-1', '2026-068', '20260309T090000Z', '2026-03-09T09Z', '2026-03-09T09:00:00', '2026-03-09', '2026-13-09T09:00:00Z', 42, null]) {
      expect(ok(at)).toBe(false);
    }
  });
});
