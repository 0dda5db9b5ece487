import { OUTCOME_SCALE_CODES } from '../outcomes';
import { ZONE_CODES } from '../treatment';
import {
  BOOKING_RULE_CODES,
  CATALOG_CODES,
  CHECK_CODES,
  CHECK_IN_ISSUE_CODES,
  CODE_SPELLING,
  CONFLICT_CODES,
  CONSENT_RULE_CODES,
  COURSE_RULE_CODES,
  CREDENTIAL_RULE_CODES,
  DEVICE_CHECK_CODES,
  ELIGIBILITY_CODES,
  FORBIDDEN_CODES,
  GS1_ERROR_CODES,
  LOT_CHECK_CODES,
  PRACTITIONER_CHECK_CODES,
  PREFLIGHT_CODE_WORDS,
  PREFLIGHT_CODES,
  preflightCodeWords,
  PREFLIGHT_ZONE_CODES,
  PROBLEM_CODES,
  PROBLEM_TYPES,
  problemTypeOf,
  RULE_CODES,
  SCORE_PROBLEM_CODES,
  SCREENING_CODES,
  SESSION_RULE_CODES,
  STAFF_RULE_CODES,
  UNAUTHENTICATED_CODES,
  ZONE_FINDING_CODES,
  ZONE_MAXIMUM_CODES,
} from '.';

const lists: Record<string, readonly string[]> = {
  PROBLEM_CODES,
  CONFLICT_CODES,
  FORBIDDEN_CODES,
  UNAUTHENTICATED_CODES,
  RULE_CODES,
  BOOKING_RULE_CODES,
  COURSE_RULE_CODES,
  CONSENT_RULE_CODES,
  CREDENTIAL_RULE_CODES,
  PRACTITIONER_CHECK_CODES,
  STAFF_RULE_CODES,
  PREFLIGHT_CODES,
  SESSION_RULE_CODES,
  LOT_CHECK_CODES,
  DEVICE_CHECK_CODES,
  GS1_ERROR_CODES,
  ZONE_FINDING_CODES,
  ZONE_MAXIMUM_CODES,
  SCORE_PROBLEM_CODES,
};

describe('the code catalog', () => {
  it.each(Object.entries(lists))('%s: every code is kebab-case and listed once', (_, codes) => {
    expect(codes.filter((code) => !CODE_SPELLING.test(code))).toEqual([]);
    expect(codes.length).toBe(new Set(codes).size);
  });

  it('holds every problem, rule and check code', () => {
    for (const code of [...PROBLEM_CODES, ...RULE_CODES, ...CHECK_CODES]) expect(CATALOG_CODES.has(code)).toBe(true);
  });

  it('names a zone finding in the preflight as zone-<finding>', () => {
    expect(PREFLIGHT_ZONE_CODES).toEqual(ZONE_FINDING_CODES.map((code) => `zone-${code}`));
    expect(PREFLIGHT_CODES).toEqual(expect.arrayContaining(['zone-above-zone-max', 'zone-zone-max-overridden']));
  });

  it('writes a problem type as a URN of its code', () => {
    expect(problemTypeOf('rule-violation')).toBe('urn:skinledger:problem:rule-violation');
    expect(PROBLEM_TYPES).toHaveLength(PROBLEM_CODES.length);
  });

  it('keeps clinical data ids (screening findings, zones, outcome scales) apart from the codes, in their own spelling', () => {
    const dataIds = [...SCREENING_CODES, ...ZONE_CODES, ...OUTCOME_SCALE_CODES];
    expect(dataIds.filter((id) => CATALOG_CODES.has(id))).toEqual([]);
    expect(SCREENING_CODES.filter((id) => !/^[a-z]+(?:_[a-z]+)*$/.test(id))).toEqual([]);
    expect(new Set(SCREENING_CODES).size).toBe(SCREENING_CODES.length);
  });

  it('answers eligibility and check-in with the screening ids plus their own kebab-case codes', () => {
    expect(ELIGIBILITY_CODES.filter((code) => !(SCREENING_CODES as readonly string[]).includes(code))).toEqual(['patient-archived']);
    expect(CHECK_IN_ISSUE_CODES.filter((code) => !(SCREENING_CODES as readonly string[]).includes(code))).toEqual([
      'consent-missing',
      'clinical-review',
      'patient-archived',
    ]);
  });
});

describe('preflight codes in words', () => {
  it('has words for every preflight code, none repeated', () => {
    const words = PREFLIGHT_CODES.map((code) => PREFLIGHT_CODE_WORDS[code]);
    expect(words.every((w) => typeof w === 'string' && w.length > 0 && !w.includes('-'))).toBe(true);
    expect(new Set(words).size).toBe(words.length);
  });

  it('writes a known code in words, and an unknown one as its own words', () => {
    expect(preflightCodeWords('lot-recalled')).toBe('Cartridge lot recalled');
    expect(preflightCodeWords('zone-above-zone-max')).toBe('Deeper than the zone’s maximum');
    expect(preflightCodeWords('moon-phase-wrong')).toBe('Moon phase wrong');
    expect(preflightCodeWords('toString')).toBe('ToString');
  });
});
