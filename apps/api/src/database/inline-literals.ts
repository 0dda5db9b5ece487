import { escapeLiteral } from 'pg';

/** A value a statement may have inlined: what node-postgres would have sent as a text parameter. */
export type InlineValue = string | number | null | undefined | readonly (string | number | null | undefined)[];

/**
 * A parameterized statement as simple-protocol text, for sending it in one round trip with another (the request's
 * COMMIT): each `$n` becomes the value as an escaped literal (pg's escapeLiteral; an array as PostgreSQL's array text,
 * quoted element by element as node-postgres does), so the server reads exactly the values a parameter would carry
 * and request input can never become SQL. The literals are untyped, so every `$n` must be typed by its context (a
 * cast, a column, a comparison), as a parameter is. Only for SQL with no `$` inside its own literals or identifiers.
 */
export function inlineLiterals(text: string, values: readonly InlineValue[]): string {
  return text.replace(/\$(\d+)/g, (_match, digits: string) => {
    const index = Number(digits) - 1;
    if (index < 0 || index >= values.length) throw new Error(`No value for $${digits}`);
    return literal(values[index]);
  });
}

function literal(value: InlineValue): string {
  if (value === null || value === undefined) return 'NULL';
  if (Array.isArray(value)) return escapeLiteral(`{${value.map(arrayElement).join(',')}}`);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`Cannot inline ${value}`);
    return escapeLiteral(String(value));
  }
  return escapeLiteral(value as string);
}

/** An element of PostgreSQL's array text: NULL, or double-quoted with `\` and `"` escaped (as node-postgres writes it). */
function arrayElement(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return 'NULL';
  return `"${String(value).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}
