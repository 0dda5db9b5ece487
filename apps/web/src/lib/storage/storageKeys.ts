/** localStorage keys, one place so they never collide. */
export const storageKeys = {
  selectedLocation: (staffMemberId: string) => `skinledger.selectedLocation.${staffMemberId}`,
} as const;
