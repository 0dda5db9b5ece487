import { isPlausibleEmail, passwordLengthProblem } from './rules';

it('takes an e-mail address with spaces around it, and refuses what is not one', () => {
  expect(isPlausibleEmail(' nora@clinic.test ')).toBe(true);
  expect(isPlausibleEmail('nora@clinic')).toBe(false);
  expect(isPlausibleEmail('nora clinic.test')).toBe(false);
});

it('asks for the policy’s 12 characters', () => {
  expect(passwordLengthProblem('eleven char')).toBe('Use at least 12 characters');
  expect(passwordLengthProblem('twelve chars')).toBeUndefined();
});
