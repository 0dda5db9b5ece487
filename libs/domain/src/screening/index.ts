export * from './answers';
export * from './fields';
export * from './allergies';
export * from './medications';
export * from './windows';
export * from './rules';
export * from './settings';
export * from './screen-patient';
