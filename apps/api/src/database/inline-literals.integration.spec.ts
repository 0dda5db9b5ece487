import { Client } from 'pg';
import { databaseUrl, readRunState } from '../../test/test-database';
import { inlineLiterals, type InlineValue } from './inline-literals';

/** Inlined values must reach PostgreSQL exactly as the same values sent as parameters: compared on the server itself. */
describe('inlineLiterals', () => {
  let client: Client;
  beforeAll(async () => {
    const state = readRunState();
    client = new Client({ connectionString: databaseUrl(state.serverUrl, 'postgres') });
    await client.connect();
  });
  afterAll(async () => {
    await client.end();
  });

  const hostile = ["O'Brien", 'back\\slash', 'quote"d', 'a,b', '{braces}', 'NULL', '', ' spaced ', "'; DROP TABLE patients; --", 'ünïcödé 💉', 'line\nbreak', '$1'];

  it.each([
    ['text', 'text', hostile[0]],
    ['text[]', 'text[]', hostile],
    ['text[] with nulls', 'text[]', [null, 'x', null]],
    ['bigint[]', 'bigint[]', [1, 9_007_199_254_740_991, 0]],
    ['uuid[]', 'uuid[]', ['7c9e6679-7425-40de-944b-e07dc4f1d9d9', null]],
    ['null', 'text', null],
    ['number', 'bigint', 42],
  ] as [string, string, InlineValue][])('sends %s as a parameter would', async (_name, type, value) => {
    const text = `SELECT $1::${type} AS v, $2::int AS n`;
    const inlined = await client.query(inlineLiterals(text, [value, 7]));
    const parameterized = await client.query(text, [value, 7]);
    expect(inlined.rows).toEqual(parameterized.rows);
  });

  it('fails on a placeholder without a value, and on a value it cannot render', () => {
    expect(() => inlineLiterals('SELECT $2', ['a'])).toThrow('No value for $2');
    expect(() => inlineLiterals('SELECT $1', [Number.NaN])).toThrow();
  });
});
