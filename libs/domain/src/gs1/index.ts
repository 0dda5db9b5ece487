export * from './check-digit';
export * from './application-identifiers';
export * from './dates';
export * from './errors';
export * from './tokenize';
export * from './parse';
