export const staffKeys = {
  all: ['staff'] as const,
  list: (includeInactive: boolean) => ['staff', 'list', { includeInactive }] as const,
};
