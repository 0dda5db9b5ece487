import { QueryFailedError } from 'typeorm';
import { fromDatabaseError } from './database-errors';
import { isDatabaseUnavailable } from './database-unavailable';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
  it.each([
    ['refused', withCode('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432')],
    ['refused on both addresses', new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNREFUSED')])],
    ['reset', withCode('ECONNRESET')],
    ['admin shutdown', new QueryFailedError('SELECT 1', [], withCode('57P01', 'terminating connection due to administrator command'))],
    ['crash shutdown', withCode('57P02')],
    ['starting up', withCode('57P03', 'the database system is starting up')],
    ['connection exception class 08', withCode('08006')],
    ['terminated', new Error('Connection terminated unexpectedly')],
    ['pool timeout', new Error('timeout exceeded when trying to connect')],
    ['TypeORM not connected', Object.assign(new Error('Connection "default" was not found'), { name: 'ConnectionIsNotSetError' })],
    ['wrapped in a cause', new Error('outer', { cause: withCode('ECONNREFUSED') })],
  ])('%s', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
    expect(fromDatabaseError(error)).toMatchObject({ status: 503, code: 'database-unavailable', extensions: { retryAfterSeconds: 5 } });
  });

  it.each([
    ['unique violation', new QueryFailedError('INSERT', [], withCode('23505'))],
    ['syntax error', new QueryFailedError('SELEC', [], withCode('42601'))],
    ['a plain bug', new TypeError("Cannot read properties of null (reading 'trim')")],
    ['not an error', 'ECONNREFUSED'],
  ])('not for %s', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
