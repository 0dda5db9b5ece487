interface Named {
  firstName: string;
  lastName: string;
  preferredName?: string | null;
}

/** "Margaret Thompson": the profile heading and how staff refer to the record. */
export function fullName(patient: Named): string {
  return `${patient.firstName} ${patient.lastName}`;
}

/** The preferred name when it differs from the first name, else null. */
export function preferredNameOf(patient: Named): string | null {
  const preferred = patient.preferredName?.trim();
  return preferred && preferred.toLowerCase() !== patient.firstName.toLowerCase() ? preferred : null;
}
