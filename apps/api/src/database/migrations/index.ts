import { CreateFoundation1764079200000 } from './1764079200000-CreateFoundation';

/** Every migration, in order. Listed explicitly so the compiled app and the tests load the same set. */
export const MIGRATIONS = [CreateFoundation1764079200000];
