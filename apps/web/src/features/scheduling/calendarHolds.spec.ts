import { heldBlocks, type ScheduleHold } from './calendarHolds';

const hold = (over: Partial<ScheduleHold> = {}): ScheduleHold => ({
  id: 'h1',
  practitionerId: 'p1',
  roomId: 'r1',
  startsAt: '2026-12-08T15:00:00.000Z',
  endsAt: '2026-12-08T15:30:00.000Z',
  expiresAt: '2026-12-07T14:10:00.000Z',
  ...over,
});
const day = { start: Date.parse('2026-12-08T05:00:00.000Z'), end: Date.parse('2026-12-09T05:00:00.000Z') };
const clock = (ms: number) => new Date(ms).toISOString().slice(11, 16);

describe('heldBlocks', () => {
  it('labels a hold in its column with when it lapses', () => {
    expect(heldBlocks([hold()], day, (h) => h.practitionerId === 'p1', clock)).toEqual([
      { id: 'h1', start: Date.parse('2026-12-08T15:00:00.000Z'), end: Date.parse('2026-12-08T15:30:00.000Z'), label: 'Held online · expires 14:10' },
    ]);
  });

  it('leaves out other columns and other days', () => {
    expect(heldBlocks([hold({ practitionerId: 'p2' })], day, (h) => h.practitionerId === 'p1', clock)).toEqual([]);
    expect(heldBlocks([hold({ startsAt: '2026-12-09T15:00:00.000Z', endsAt: '2026-12-09T15:30:00.000Z' })], day, () => true, clock)).toEqual([]);
  });
});
