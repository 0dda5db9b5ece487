import type { ApiClient } from './api-client';
import { readRunState } from './test-database';
import { StatementCounter } from './statement-counter';

/** The statements that write the read's audit event: the chain head's lock and the event's insert. */
const AUDIT_WRITE = /\baudit_chain_heads\b|INSERT INTO audit_events\b/i;

export interface ListStatements {
  /** Statements sent, as counted on the wire. */
  sent: number;
  /** Statements with the audit write counted as one, as issue 15 budgets it (START, sign-in, read, audit, COMMIT). */
  budgeted: number;
  /** The SELECTs that read the list (no separate count, no separate look-up). */
  reads: string[];
  statements: string[];
}

/**
 * Counts what one GET of a list sends to PostgreSQL. The audit write (head lock and insert, one statement once the
 * audit pipeline of issue 15 lands) is budgeted as the one statement it is meant to be, so the list's own cost is
 * what is measured.
 */
export async function listStatements(client: ApiClient, url: string): Promise<ListStatements & { status: number; body: unknown }> {
  const counter = new StatementCounter(readRunState().appRole.name).start();
  try {
    const { result, statements } = await counter.during(() => client.get(url));
    const audit = statements.filter((s) => AUDIT_WRITE.test(s));
    const reads = statements.filter((s) => !AUDIT_WRITE.test(s) && /^\s*(WITH|SELECT)\b/i.test(s) && !/auth_resolve_session/i.test(s));
    return {
      status: result.status,
      body: result.body,
      sent: statements.length,
      budgeted: statements.length - audit.length + (audit.length > 0 ? 1 : 0),
      reads,
      statements,
    };
  } finally {
    counter.stop();
  }
}
