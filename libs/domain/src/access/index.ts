export * from './roles';
export * from './permissions';
export * from './credentials';
export * from './practitioners';
export * from './timezones';
export * from './password-policy';
