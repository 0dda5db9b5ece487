import fc from 'fast-check';
import { randomBytes } from 'node:crypto';
import { eventMac, type ChainedContent } from './audit-chain';
import { ChainMacChecker } from './chain-mac-checker';

/** The checker must give exactly Node's createHmac result (what the writer stores) for any content and key. */
describe('ChainMacChecker', () => {
  const content = fc.record<ChainedContent>({
    organizationId: fc.uuid(),
    seq: fc.bigInt({ min: 1n, max: 2n ** 62n }).map(String),
    occurredAt: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
    actorId: fc.option(fc.uuid()),
    action: fc.string(),
    entityType: fc.string(),
    entityId: fc.option(fc.string({ unit: 'binary' })),
    ip: fc.option(fc.string()),
    requestId: fc.option(fc.string({ unit: 'binary' })),
    changes: fc.option(fc.string({ unit: 'binary', maxLength: 200 })),
  });

  /** The tail as PostgreSQL renders it, here from JSON.stringify (the integration tests check PostgreSQL's side). */
  const tailOf = (c: ChainedContent) => JSON.stringify([c.seq, c.occurredAt, c.actorId, c.action, c.entityType, c.entityId, c.ip, c.requestId, c.changes]).slice(1);

  it.each([16, 32, 64, 65, 200])('matches createHmac with a %i-byte key', (keyBytes) => {
    const key = randomBytes(keyBytes);
    fc.assert(
      fc.property(content, fc.option(fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 64, maxLength: 64 })), (c, previousMac) => {
        const checker = new ChainMacChecker(key, JSON.stringify(c.organizationId));
        expect(checker.mac(previousMac, tailOf(c))).toBe(eventMac(key, previousMac, c));
      }),
      { numRuns: 300 },
    );
  });

  it('matches createHmac for messages longer than its buffer, and again for short ones after them', () => {
    const key = randomBytes(32);
    const checker = new ChainMacChecker(key, JSON.stringify('00000000-0000-4000-8000-000000000000'));
    const base: ChainedContent = { organizationId: '00000000-0000-4000-8000-000000000000', seq: '7', occurredAt: '2026-01-01T00:00:00.000000Z', actorId: null, action: 'a', entityType: 'patient', entityId: null, ip: null, requestId: null, changes: null };
    for (const length of [65_400, 65_500, 65_536, 70_000, 200_000, 10]) {
      const c = { ...base, changes: 'é😀x'.repeat(Math.ceil(length / 4)).slice(0, length) };
      expect(checker.mac(null, tailOf(c))).toBe(eventMac(key, null, c));
    }
  });
});
