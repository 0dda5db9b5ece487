import { patientListSummary } from './patientListSummary';

describe('patientListSummary', () => {
  const items = (n: number) => Array.from({ length: n }, (_, i) => i);

  it('gives the list its count, "1,000+" past the cap', () => {
    expect(patientListSummary({ items: items(25), hasMore: true, total: { count: 1000, capped: true } }, 0, 25)).toBe('1,000+ patients');
    expect(patientListSummary({ items: items(1), hasMore: false, total: { count: 1, capped: false } }, 0, 25)).toBe('1 patient');
  });

  it('counts the matches seen so far while searching, with a "+" while more follow', () => {
    expect(patientListSummary({ items: items(3), hasMore: false }, 0, 25)).toBe('3 patients found');
    expect(patientListSummary({ items: items(25), hasMore: true }, 1, 25)).toBe('50+ patients found');
    expect(patientListSummary({ items: items(1), hasMore: false }, 0, 25)).toBe('1 patient found');
  });
});
