import {
  appointmentsSummary,
  cartridgesSummary,
  depthBandBars,
  formatChange,
  formatHours,
  formatPercent,
  heatMapSummary,
  noShowTrendSummary,
  outcomesSummary,
  type AppointmentRow,
  type DepthBandOutcome,
} from './reportNumbers';

const band = (over: Partial<DepthBandOutcome>): DepthBandOutcome => ({
  band: '0.5–1.0',
  minMm: 0.5,
  maxMm: 1,
  procedureKind: 'medical',
  patients: 6,
  courses: 6,
  assessments: 12,
  medianChangePercent: 26,
  p25ChangePercent: 10,
  p75ChangePercent: 40,
  tooFewToCompare: false,
  ...over,
});

describe('figures in words', () => {
  it('shows percents with at most one decimal, and the dash for none', () => {
    expect(formatPercent(26)).toBe('26 %');
    expect(formatPercent(12.345)).toBe('12.3 %');
    expect(formatPercent(null)).toBe('—');
  });

  it('signs a change so that improvement reads positive', () => {
    expect(formatChange(26)).toBe('+26 %');
    expect(formatChange(-8.04)).toBe('−8 %');
    expect(formatChange(0.01)).toBe('0 %');
    expect(formatChange(null)).toBe('—');
  });

  it('shows minutes as hours', () => {
    expect(formatHours(90)).toBe('1.5 h');
    expect(formatHours(null)).toBe('—');
  });
});

describe('outcomes by depth', () => {
  it('draws the interquartile range as a floating bar and keeps bands without scores empty', () => {
    const bars = depthBandBars([band({}), band({ band: '2.0–2.5', patients: 0, medianChangePercent: null, p25ChangePercent: null, p75ChangePercent: null, tooFewToCompare: true })]);
    expect(bars).toEqual([
      { band: '0.5–1.0 mm', iqr: [10, 40], median: 26, patients: 6, tooFewToCompare: false },
      { band: '2.0–2.5 mm', iqr: null, median: null, patients: 0, tooFewToCompare: true },
    ]);
  });

  it('summarises the comparable bands and names the ones with too few patients', () => {
    const report = { scale: 'glogau' as const, scaleLabel: 'Glogau', lowerIsBetter: true, from: '2026-01-01', to: '2026-12-31', indication: null };
    expect(outcomesSummary({ ...report, bands: [band({}), band({ band: '<0.5', patients: 3, tooFewToCompare: true })] })).toBe(
      'Median improvement from baseline: 0.5–1.0 mm +26 %. Too few to compare: <0.5 mm.',
    );
    expect(outcomesSummary({ ...report, bands: [band({ patients: 2, tooFewToCompare: true })] })).toBe('No depth band has enough patients to compare.');
  });
});

const row = (over: Partial<AppointmentRow>): AppointmentRow => ({
  key: 'k',
  label: 'Dr. Okafor',
  booked: 10,
  completed: 6,
  cancelled: 2,
  lateCancelled: 1,
  noShows: 2,
  noShowPercent: 25,
  bookedMinutes: 480,
  availableMinutes: 960,
  utilisationPercent: 50,
  onlineBooked: 1,
  ...over,
});

describe('summaries for the charts', () => {
  it('names the highest no-show rate and the utilisation', () => {
    const report = { groupBy: 'practitioner' as const, from: '2026-01-01', to: '2026-12-31', rows: [row({}), row({ label: 'Nurse Lee', noShowPercent: 0, noShows: 0 })], total: row({ label: 'All' }) };
    expect(appointmentsSummary(report)).toBe('10 booked, 6 completed, 2 no-shows (25 %), 2 cancelled. Utilisation 50 %. Highest no-show rate: Dr. Okafor (25 %).');
  });

  it('totals cartridges and names the most wasted', () => {
    const reasons = { dropped: 0, packaging_damaged: 0, contaminated: 0, expired: 0, other: 0 };
    const cartridge = { key: 'p', received: 10, expiredUnused: 0, onHand: 3, wastePercent: 0, sessions: 2, cartridgesPerSession: 1, wastedByReason: reasons };
    const report = {
      groupBy: 'product' as const,
      from: '2026-01-01',
      to: '2026-12-31',
      expiringSoon: [],
      rows: [{ ...cartridge, label: '12-needle', used: 5, wasted: 1 }, { ...cartridge, label: '36-needle', used: 2, wasted: 3 }],
    };
    expect(cartridgesSummary(report)).toBe('7 cartridges used and 4 wasted in all. Most wasted: 36-needle (3).');
  });

  it('tells the no-show trend: the whole, the highest and the lowest month, a month without visits left out', () => {
    const rows = [
      row({ key: '2026-01', label: 'Jan 2026', noShowPercent: 10 }),
      row({ key: '2026-02', label: 'Feb 2026', booked: 0, noShowPercent: null }),
      row({ key: '2026-03', label: 'Mar 2026', noShowPercent: 30 }),
    ];
    const report = { groupBy: 'month' as const, from: '2026-01-01', to: '2026-03-31', rows, total: row({ label: 'Total', booked: 20, noShowPercent: 20 }) };
    expect(noShowTrendSummary(report)).toBe('20 booked over 3 months, no-show rate 20 % overall. Highest: Mar 2026 (30 %); lowest: Jan 2026 (10 %).');
    expect(noShowTrendSummary({ ...report, total: row({ booked: 0 }) })).toBe('No appointment started in this range.');
  });

  it('tells the heat map: the busiest and quietest hour worked, and bookings outside working hours', () => {
    const rows = [
      row({ key: '1-09', label: 'Mon 09:00', utilisationPercent: 100 }),
      row({ key: '6-10', label: 'Sat 10:00', utilisationPercent: 0 }),
      row({ key: '7-20', label: 'Sun 20:00', utilisationPercent: null, availableMinutes: 0, bookedMinutes: 30 }),
    ];
    const report = { groupBy: 'weekdayHour' as const, from: '2026-03-02', to: '2026-03-08', rows, total: row({ utilisationPercent: 14.8 }) };
    expect(heatMapSummary(report)).toBe('Utilisation 14.8 % overall. Busiest hour: Mon 09:00 (100 %); quietest: Sat 10:00 (0 %). 1 hour has bookings outside working hours.');
  });
});
