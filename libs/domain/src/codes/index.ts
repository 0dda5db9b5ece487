/**
 * The code catalog: every problem code (a problem document's `type`) and every rule code (violations, blockers,
 * warnings, parse and check findings) in one spelling, kebab-case, typed `as const` so a misspelt code does not
 * compile. The API publishes them as enums in its OpenAPI document and the dashboard switches on them.
 *
 * Identifiers of clinical data are not codes of this kind and keep their own spelling: zone codes (`ZONE_CODES`),
 * outcome scales (`OUTCOME_SCALE_CODES`), consent and procedure kinds, roles, licence types. Screening findings are
 * contraindication ids of that kind: see `SCREENING_CODES` for why they stay as they are.
 */
export * from './problems';
export * from './rules';
export * from './patients';
export * from './scheduling';
export * from './screening';
export * from './treatment';
export * from './inventory';
export * from './consents';
export * from './staff';
export * from './catalog';
