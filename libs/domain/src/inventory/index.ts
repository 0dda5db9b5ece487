export * from './inventory';
