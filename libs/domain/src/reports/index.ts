export * from './depth-bands';
export * from './outcome-change';
export * from './rates';
export * from './periods';
