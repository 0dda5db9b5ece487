export * from './outcome-scales';
