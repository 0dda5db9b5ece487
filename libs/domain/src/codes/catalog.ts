import { GS1_ERROR_CODES } from './inventory';
import { PROBLEM_CODES } from './problems';
import { RULE_CODES } from './rules';
import { PRE_VISIT_ADVICE_CODES } from './screening';
import { SCORE_PROBLEM_CODES, ZONE_FINDING_CODES, ZONE_MAXIMUM_CODES } from './treatment';

/** Codes a pure check returns to its caller (the dashboard explains them; the API answers them as field problems). */
export const CHECK_CODES = [...new Set([...GS1_ERROR_CODES, ...ZONE_FINDING_CODES, ...ZONE_MAXIMUM_CODES, ...SCORE_PROBLEM_CODES, ...PRE_VISIT_ADVICE_CODES])];

/** Every kebab-case code of the catalog: problems, rules and checks. */
export const CATALOG_CODES: ReadonlySet<string> = new Set<string>([...PROBLEM_CODES, ...RULE_CODES, ...CHECK_CODES]);

/** One spelling: lower-case words joined by hyphens. */
export const CODE_SPELLING = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
