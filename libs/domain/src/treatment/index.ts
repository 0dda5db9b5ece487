export * from './zones';
export * from './depth';
export * from './zone-maximums';
export * from './evaluate-zone-depths';
export * from './adverse-events';
export * from './session-record';
export * from './medical-interval';
export * from './indications';
