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
      if (text !== undefined && (this as unknown as { user?: string }).user === appRole) statements.push(text);
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
