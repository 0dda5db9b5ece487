import type { AuditTrailEntry } from '../audit/audit-query.service';
import { consentChainEntry } from './consent-chain';

const event = (id: string, action: string, changes: AuditTrailEntry['changes'], chained = true): AuditTrailEntry => ({
  id,
  occurredAt: new Date('2026-03-10T10:00:00Z'),
  action,
  actorId: null,
  actorName: null,
  ip: null,
  changes,
  chained,
});

describe('consentChainEntry', () => {
  const trail = [
    event('9', 'consent.signed', { contentHash: { to: 'aaa' } }),
    event('12', 'consent.witnessed', { recordHash: { to: 'bbb' } }),
    event('10', 'consent.signed', { contentHash: { to: 'ccc' } }, false),
  ];

  it("takes the latest event of the kind (highest id) with the hash it carries", () => {
    expect(consentChainEntry(trail, 'consent.signed')).toEqual({ eventId: '10', chained: false, hash: 'ccc' });
    expect(consentChainEntry(trail, 'consent.witnessed')).toEqual({ eventId: '12', chained: true, hash: 'bbb' });
  });

  it('has no entry without such an event, and no hash when the event carries none', () => {
    expect(consentChainEntry([], 'consent.signed')).toBeNull();
    expect(consentChainEntry([event('3', 'consent.signed', null)], 'consent.signed')).toEqual({ eventId: '3', chained: true, hash: null });
  });
});
