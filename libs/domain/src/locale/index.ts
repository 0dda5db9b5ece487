export * from './clinic-locale';
export * from './countries';
export * from './readable';
export * from './spelling';
