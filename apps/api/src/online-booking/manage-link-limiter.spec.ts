import { TooManyRequestsError } from '../common/problems/domain-error';
import { MANAGE_ACTIONS_PER_HOUR, ManageLinkLimiter } from './manage-link-limiter';

describe('ManageLinkLimiter', () => {
  it(`allows ${MANAGE_ACTIONS_PER_HOUR} changes per link in a rolling hour, then says when the oldest leaves it`, () => {
    const limiter = new ManageLinkLimiter();
    const t0 = 1_000_000_000;
    for (let i = 0; i < MANAGE_ACTIONS_PER_HOUR; i++) limiter.take('a', t0 + i * 1000);
    let refused: unknown;
    try {
      limiter.take('a', t0 + 60_000);
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(TooManyRequestsError);
    expect((refused as TooManyRequestsError).extensions).toMatchObject({ retryAfterSeconds: 3600 - 60 });
    // Another link is counted on its own; an hour after the first change, one more is allowed.
    expect(() => limiter.take('b', t0 + 60_000)).not.toThrow();
    expect(() => limiter.take('a', t0 + 3_600_001)).not.toThrow();
  });
});
