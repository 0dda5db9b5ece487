export * from './identity';
export * from './csv-columns';
