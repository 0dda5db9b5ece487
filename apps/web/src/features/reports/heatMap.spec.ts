import { contrastRatio } from '@skinledger/domain';
import { HEAT_LEVELS, heatLevel, heatMapGrid, textOn } from './heatMap';
import type { AppointmentRow } from './reportNumbers';

const cell = (key: string, utilisationPercent: number | null): AppointmentRow => ({
  key,
  label: key,
  booked: 0,
  completed: 0,
  cancelled: 0,
  lateCancelled: 0,
  noShows: 0,
  noShowPercent: null,
  bookedMinutes: 0,
  availableMinutes: 60,
  utilisationPercent,
  onlineBooked: 0,
});

describe('the utilisation heat map', () => {
  it('lays the cells out as Monday to Sunday rows and the hours between the earliest and latest as columns', () => {
    const grid = heatMapGrid([cell('1-09', 50), cell('1-11', 100), cell('7-20', null)]);
    expect(grid.hours).toEqual([9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20]);
    expect(grid.weekdays.map((d) => d.name)).toEqual(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']);
    expect(grid.weekdays[0].cells.slice(0, 3).map((c) => c?.key ?? null)).toEqual(['1-09', null, '1-11']);
    expect(grid.weekdays[6].cells[11]?.key).toBe('7-20');
    expect(grid.weekdays[1].cells.every((c) => c === null)).toBe(true);
  });

  it('has nothing to lay out without cells', () => {
    expect(heatMapGrid([])).toEqual({ hours: [], weekdays: [] });
  });

  it('puts a utilisation in its shade, 100 % and over in the darkest, none without working hours', () => {
    expect([0, 0.1, 24.9, 25, 50, 74.9, 75, 99.9, 100, 180].map(heatLevel)).toEqual([0, 1, 1, 2, 3, 3, 4, 4, 5, 5]);
    expect(heatLevel(null)).toBeNull();
    expect(HEAT_LEVELS).toHaveLength(6);
  });

  it('writes the number in whichever of dark and white reads at 4.5:1 on the clinic’s shades', () => {
    const clinic = ['#eef6f5', '#dde9e7', '#bad3cf', '#93bbb5', '#72a69f', '#5c9890', '#4a8880', '#316a63', '#2b615b', '#1c4f4a'];
    for (const { shade } of HEAT_LEVELS) {
      const text = textOn(clinic[shade], '#1d2733');
      expect(contrastRatio(clinic[shade], text)).toBeGreaterThanOrEqual(4.5);
    }
    expect(textOn('#1c4f4a', '#1d2733')).toBe('#ffffff');
    expect(textOn('#eef6f5', '#1d2733')).toBe('#1d2733');
  });
});
