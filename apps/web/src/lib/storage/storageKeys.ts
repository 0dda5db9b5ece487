/** localStorage keys, one place so they never collide. */
export const storageKeys = {
  selectedLocation: (staffMemberId: string) => `skinledger.selectedLocation.${staffMemberId}`,
  /** The location (id and time zone) this browser last worked at: lets the first answers be asked for at once. */
  workingLocation: 'skinledger.workingLocation',
} as const;
