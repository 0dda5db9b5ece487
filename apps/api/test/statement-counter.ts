import { Client } from 'pg';

/**
 * Counts the SQL statements the API's own pool sends (the restricted app role's connections), by wrapping
 * node-postgres' Client#query: the count is what reaches PostgreSQL, BEGIN/COMMIT, the sign-in check, the tenant
 * setting and audit writes included, whatever layer issued them. The owner's connection (factories, checks) is not
 * counted. Requests must be awaited one at a time for the counts to belong to one request.
 */
export class StatementCounter {
  private statements: string[] = [];
  private readonly original = Client.prototype.query;

  constructor(private readonly appRole: string) {}

  start(): this {
    const statements = this.statements;
    const appRole = this.appRole;
    const original = this.original;
    Client.prototype.query = function countedQuery(this: Client, ...args: unknown[]) {
      const config = args[0] as string | { text?: string } | undefined;
      const text = typeof config === 'string' ? config : config?.text;
      const values = typeof config === 'string' ? args[1] : (config as { values?: unknown[] } | undefined)?.values;
      // A simple-protocol string without parameters may hold several statements sent in one round trip (the request
      // transaction's START with the sign-in check): each counts, the budget is statements, not round trips.
      if (text !== undefined && (this as unknown as { user?: string }).user === appRole) statements.push(...(values === undefined ? splitStatements(text) : [text]));
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof Client.prototype.query;
    return this;
  }

  stop(): void {
    Client.prototype.query = this.original;
  }

  /** The statements sent while `work` ran. */
  async during<T>(work: () => Promise<T>): Promise<{ result: T; count: number; statements: string[] }> {
    const from = this.statements.length;
    const result = await work();
    // The answer is written after COMMIT resolves; a short pause lets a trailing release settle.
    await new Promise((resolve) => setImmediate(resolve));
    const statements = this.statements.slice(from);
    return { result, count: statements.length, statements };
  }
}

/** The statements of a simple-protocol string, split at semicolons outside quoted literals and identifiers. */
export function splitStatements(text: string): string[] {
  const parts: string[] = [];
  let start = 0;
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === "'" || c === '"') {
      quote = c;
    } else if (c === ';') {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim()).filter((p) => p.length > 0);
}
