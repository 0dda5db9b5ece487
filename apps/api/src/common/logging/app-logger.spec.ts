import { loggableUrl } from './app-logger';

describe('loggableUrl', () => {
  const key = 'Qm9va2luZ0tleUZvclRlc3RpbmdPbmx5MTIzNDU2Nzg5';
  it('hides the manage link key, keeping the action and the query', () => {
    expect(loggableUrl(`/api/public/appointments/${key}`)).toBe('/api/public/appointments/[key]');
    expect(loggableUrl(`/api/public/appointments/${key}/reschedule?x=1`)).toBe('/api/public/appointments/[key]/reschedule?x=1');
  });
  it('leaves every other URL as it is', () => {
    expect(loggableUrl('/api/public/booking/options?organization=abc')).toBe('/api/public/booking/options?organization=abc');
    expect(loggableUrl('/api/appointments/123')).toBe('/api/appointments/123');
    expect(loggableUrl(undefined)).toBeUndefined();
  });
});
