import { duration, formatPhone } from './ui';

it('reads durations and stored phone numbers', () => {
  expect(duration(30)).toBe('30 min');
  expect(duration(90)).toBe('1 h 30 min');
  expect(formatPhone('+12125550100')).toBe('+1 212-555-0100');
  expect(formatPhone('+442079460000')).toBe('+442079460000');
});
