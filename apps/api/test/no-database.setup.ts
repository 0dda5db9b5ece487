import { Client, Pool } from 'pg';

/**
 * Runs before every API unit spec: a unit spec has no PostgreSQL. Any connection attempt throws at once, so a
 * database-backed spec misfiled as a unit spec fails loudly instead of hanging or passing against a stray server.
 */
const message =
  'This API unit spec tried to reach PostgreSQL. Database-backed specs must be named *.integration.spec.ts ' +
  '(they then run in apps/api/jest.config.js, with the test database set up).';

delete process.env.DATABASE_URL;
delete process.env.SKINLEDGER_TEST_RUN;

function refuse(): never {
  throw new Error(message);
}

Client.prototype.connect = refuse as typeof Client.prototype.connect;
Pool.prototype.connect = refuse as typeof Pool.prototype.connect;
