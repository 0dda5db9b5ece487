// Clinical and access rules as pure functions, shared by the API (which enforces them)
// and the dashboard (which explains them early). No framework imports here.
export * from './access';
export * from './dates';
export * from './treatment';
export * from './screening';
export * from './gs1';
export * from './patients';
export * from './inventory';
export * from './outcomes';
export * from './consents';
export * from './scheduling';
export * from './codes';
export * from './locale';
export * from './audit';
export * from './csv';
export * from './reports';
