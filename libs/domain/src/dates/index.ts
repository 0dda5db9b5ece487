export * from './calendar';
export * from './iso-date';
export * from './arithmetic';
export * from './compare';
export * from './today';
