import { daysOff, weeklyBlocks, workingDaysAt } from './weeklyHours';

const block = (weekday: number, startsAt: string, endsAt: string, locationId = 'location-1') => ({ weekday, startsAt, endsAt, locationId });

describe('weekly hours at one location', () => {
  it('starts with every day off, 09:00–17:00 ready to switch on', () => {
    expect(daysOff()).toHaveLength(7);
    expect(daysOff().every((d) => !d.on && d.startsAt === '09:00' && d.endsAt === '17:00')).toBe(true);
  });

  it('reads the blocks of this location only, Monday first', () => {
    const days = workingDaysAt([block(1, '08:00', '16:00'), block(6, '10:00', '14:00'), block(2, '09:00', '17:00', 'location-2')], 'location-1');
    expect(days[0]).toEqual({ on: true, startsAt: '08:00', endsAt: '16:00' });
    expect(days[1].on).toBe(false);
    expect(days[5]).toEqual({ on: true, startsAt: '10:00', endsAt: '14:00' });
  });

  it('sends the days worked as ISO weekdays (Monday 1 … Sunday 7)', () => {
    const days = daysOff();
    days[0] = { on: true, startsAt: '08:00', endsAt: '16:00' };
    days[6] = { on: true, startsAt: '10:00', endsAt: '12:00' };
    expect(weeklyBlocks(days)).toEqual([
      { weekday: 1, startsAt: '08:00', endsAt: '16:00' },
      { weekday: 7, startsAt: '10:00', endsAt: '12:00' },
    ]);
  });
});
