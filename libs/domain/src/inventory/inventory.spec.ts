import { deviceUseBlockers, isLotExpired, lotStatus, lotUseBlockers, movementDelta } from './inventory';

describe('lot status', () => {
  const lot = { holdStatus: 'available' as const, expiresOn: '2026-03-31', lotNumber: 'L1' };

  it('counts a lot usable through its expiry date and expired the day after', () => {
    expect(isLotExpired('2026-03-31', '2026-03-31')).toBe(false);
    expect(isLotExpired('2026-03-31', '2026-04-01')).toBe(true);
  });

  it('ranks a hold over expiry over an empty shelf', () => {
    expect(lotStatus(lot, 3, '2026-03-01')).toBe('available');
    expect(lotStatus(lot, 0, '2026-03-01')).toBe('depleted');
    expect(lotStatus(lot, 0, '2026-04-01')).toBe('expired');
    expect(lotStatus({ ...lot, holdStatus: 'quarantined' }, 3, '2026-04-01')).toBe('quarantined');
    expect(lotStatus({ ...lot, holdStatus: 'recalled' }, 0, '2026-03-01')).toBe('recalled');
  });

  it('names every reason a lot cannot be used', () => {
    expect(lotUseBlockers(lot, '2026-03-31')).toEqual([]);
    expect(lotUseBlockers({ ...lot, holdStatus: 'recalled' }, '2026-04-01').map((b) => b.code)).toEqual(['lot-recalled', 'lot-expired']);
    expect(lotUseBlockers({ ...lot, holdStatus: 'quarantined' }, '2026-03-01').map((b) => b.code)).toEqual(['lot-quarantined']);
  });
});

describe('movementDelta', () => {
  it('adds receipts and signed adjustments, subtracts the rest, and splits a transfer', () => {
    expect(movementDelta('received', 5)).toBe(5);
    expect(movementDelta('adjusted', -2)).toBe(-2);
    expect(movementDelta('used', 1)).toBe(-1);
    expect(movementDelta('wasted', 2)).toBe(-2);
    expect(movementDelta('returned', 3)).toBe(-3);
    expect(movementDelta('transferred', 4, 'out')).toBe(-4);
    expect(movementDelta('transferred', 4, 'in')).toBe(4);
  });
});

describe('deviceUseBlockers', () => {
  const pen = { serialNumber: 'SP-1', status: 'active' as const, statusReason: null, locationId: 'a' };
  it('lets an active pen treat at its own location', () => {
    expect(deviceUseBlockers(pen, 'a')).toEqual([]);
    expect(deviceUseBlockers(pen)).toEqual([]);
  });
  it('refuses a retired or out-of-service pen with its reason, and a pen kept elsewhere', () => {
    expect(deviceUseBlockers({ ...pen, status: 'out_of_service', statusReason: 'Motor stalls' }, 'a')).toEqual([
      { code: 'device-out-of-service', message: 'Device SP-1 is out of service: Motor stalls' },
    ]);
    expect(deviceUseBlockers({ ...pen, status: 'retired' }, 'a').map((b) => b.code)).toEqual(['device-retired']);
    expect(deviceUseBlockers(pen, 'b')).toEqual([{ code: 'device-elsewhere', message: 'Device SP-1 is registered at another location' }]);
  });
});
