export * from './appointment-status';
export * from './booking-rules';
export * from './intervals';
export * from './local-time';
export * from './slots';
export * from './working-hours';
export * from './cancellation';
export * from './waitlist';
