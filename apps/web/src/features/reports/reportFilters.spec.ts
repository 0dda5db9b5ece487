import { defaultReportRange, rangeProblem, reportCsvHref, reportQuery } from './reportFilters';

describe('defaultReportRange', () => {
  it('covers the last 12 months up to and including today', () => {
    expect(defaultReportRange('2026-12-07')).toEqual({ from: '2025-12-08', to: '2026-12-07' });
  });

  it('keeps month ends and leap days calendar-correct', () => {
    expect(defaultReportRange('2028-02-29')).toEqual({ from: '2027-03-01', to: '2028-02-29' });
    expect(defaultReportRange('2027-03-31')).toEqual({ from: '2026-04-01', to: '2027-03-31' });
  });
});

describe('rangeProblem', () => {
  it('accepts a one-day range and a three-year range', () => {
    expect(rangeProblem('2026-01-01', '2026-01-01')).toBeNull();
    expect(rangeProblem('2024-01-01', '2026-12-31')).toBeNull();
  });

  it('names the field and the rule', () => {
    expect(rangeProblem('', '2026-01-01')).toEqual({ field: 'from', message: 'Enter the first day of the range' });
    expect(rangeProblem('2026-01-01', '2026-02-30')).toEqual({ field: 'to', message: 'Enter the last day of the range' });
    expect(rangeProblem('2026-02-01', '2026-01-31')).toEqual({ field: 'to', message: 'Must be on or after the first day' });
    expect(rangeProblem('2023-01-01', '2026-01-31')).toEqual({ field: 'to', message: 'At most three years after the first day' });
  });
});

describe('reportQuery and reportCsvHref', () => {
  const everywhere = { from: '2025-12-08', to: '2026-12-07', locationId: '', practitionerId: '' };

  it('leaves out the filters not chosen', () => {
    expect(reportQuery(everywhere, { groupBy: 'product', indication: undefined })).toEqual({ from: '2025-12-08', to: '2026-12-07', groupBy: 'product' });
  });

  it('keeps the location and practitioner chosen', () => {
    const query = reportQuery({ ...everywhere, locationId: 'loc-1', practitionerId: 'staff-2' }, { scale: 'glogau', indication: 'acne_scars' });
    expect(query).toEqual({ from: '2025-12-08', to: '2026-12-07', locationId: 'loc-1', practitionerId: 'staff-2', scale: 'glogau', indication: 'acne_scars' });
  });

  it('asks the same route with the same filters for the CSV', () => {
    const query = reportQuery({ ...everywhere, locationId: 'loc-1' }, { groupBy: 'weekday' });
    expect(reportCsvHref('/api/reports/appointments', query)).toBe(
      '/api/reports/appointments?from=2025-12-08&to=2026-12-07&locationId=loc-1&groupBy=weekday&format=csv',
    );
  });
});
