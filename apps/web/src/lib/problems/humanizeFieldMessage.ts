/**
 * class-validator messages name the field first ("adminPassword must be at least 12 characters").
 * Next to a labelled input the name is redundant: "Must be at least 12 characters".
 */
export function humanizeFieldMessage(field: string, message: string): string {
  const lastSegment = field.split('.').pop()?.replace(/\[\d+\]$/, '') ?? field;
  const trimmed = message.startsWith(`${lastSegment} `) ? message.slice(lastSegment.length + 1) : message;
  return trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
}
