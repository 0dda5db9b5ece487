import fc from 'fast-check';
import { createHmac, randomBytes } from 'node:crypto';
import { eventMac, type ChainedContent } from './audit-chain';
import { ChainMacChecker } from './chain-mac-checker';

/** The checker must give exactly Node's createHmac result (what the writer stores) for any content and key. */
describe('ChainMacChecker', () => {
  const content = fc.record<ChainedContent>({
    organizationId: fc.uuid(),
    lane: fc.integer({ min: 0, max: 15 }),
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
        const checker = new ChainMacChecker(key, JSON.stringify(c.organizationId), c.lane);
        expect(checker.mac(previousMac, tailOf(c))).toBe(eventMac(key, previousMac, c));
      }),
      { numRuns: 300 },
    );
  });

  it('matches createHmac for messages longer than its buffer, and again for short ones after them', () => {
    const key = randomBytes(32);
    const checker = new ChainMacChecker(key, JSON.stringify('00000000-0000-4000-8000-000000000000'), 3);
    const base: ChainedContent = { organizationId: '00000000-0000-4000-8000-000000000000', lane: 3, seq: '7', occurredAt: '2026-01-01T00:00:00.000000Z', actorId: null, action: 'a', entityType: 'patient', entityId: null, ip: null, requestId: null, changes: null };
    for (const length of [65_400, 65_500, 65_536, 70_000, 200_000, 10]) {
      const c = { ...base, changes: 'é😀x'.repeat(Math.ceil(length / 4)).slice(0, length) };
      expect(checker.mac(null, tailOf(c))).toBe(eventMac(key, null, c));
    }
  });

  const event: ChainedContent = {
    organizationId: '00000000-0000-4000-8000-000000000000',
    lane: 0,
    seq: '7',
    occurredAt: '2026-01-01T00:00:00.000000Z',
    actorId: null,
    action: 'patient.viewed',
    entityType: 'patient',
    entityId: 'p1',
    ip: '127.0.0.1',
    requestId: 'r1',
    changes: '{"a": 1}',
  };
  const previous = 'ab'.repeat(32);
  const hmac = (key: Buffer, message: string) => createHmac('sha256', key).update(message, 'utf8').digest('hex');

  it('keeps the v1 message byte for byte in lane 0 (chains written before lanes still verify)', () => {
    const key = randomBytes(32);
    const v1 = `["skinledger-audit-v1","${previous}","00000000-0000-4000-8000-000000000000","7","2026-01-01T00:00:00.000000Z",null,"patient.viewed","patient","p1","127.0.0.1","r1","{\\"a\\": 1}"]`;
    expect(JSON.parse(v1)).toEqual(['skinledger-audit-v1', previous, event.organizationId, '7', event.occurredAt, null, 'patient.viewed', 'patient', 'p1', '127.0.0.1', 'r1', '{"a": 1}']);
    expect(eventMac(key, previous, event)).toBe(hmac(key, v1));
  });

  it('covers the lane in lanes > 0 (v2: the lane right after the organization), so an event cannot change lanes', () => {
    const key = randomBytes(32);
    const v2 = JSON.stringify(['skinledger-audit-v2', previous, event.organizationId, 5, '7', event.occurredAt, null, 'patient.viewed', 'patient', 'p1', '127.0.0.1', 'r1', '{"a": 1}']);
    expect(eventMac(key, previous, { ...event, lane: 5 })).toBe(hmac(key, v2));
    const macs = new Set([0, 1, 2, 5].map((lane) => eventMac(key, previous, { ...event, lane })));
    expect(macs.size).toBe(4);
  });
});
