import { screen, within } from '@testing-library/react';
import { renderWithProviders } from '@web-test/renderWithProviders';
import type { AuditEvent } from '@web/features/audit/hooks/useAuditEvents';
import { AuditEventsTable } from './AuditEventsTable';

const event = (patch: Partial<AuditEvent>): AuditEvent => ({
  id: '1',
  occurredAt: '2026-12-02T15:30:12.000Z',
  action: 'appointment.cancelled',
  entityType: 'appointment',
  entityId: '3e4f5a6b-7c8d-4e9f-8a1b-2c3d4e5f6071',
  entityName: "Jordan Avery's appointment of Dec 3, 2026, 10:30 AM (Medical needling)",
  actorId: '0b0f6c9e-1d2a-4f4e-9a51-8d7f6a1c2b31',
  actorName: 'Dana Whitfield',
  sentence: "Dana Whitfield cancelled Jordan Avery's appointment of Dec 3, 2026, 10:30 AM (Medical needling); reason: ill",
  details: [
    { field: 'status', from: 'booked', to: 'cancelled' },
    { field: 'reason', to: 'ill' },
  ],
  ip: '10.0.0.8',
  requestId: 'r1',
  changes: { status: { from: 'booked', to: 'cancelled' } },
  ...patch,
});

describe('the audit log table', () => {
  it('shows the sentence, the local time without seconds and the changes in words, never ids or codes', () => {
    renderWithProviders(<AuditEventsTable events={[event({})]} timeZone="America/New_York" caption="Audit events" />);
    const row = screen.getAllByRole('row')[1];
    expect(within(row).getByText(/^Dana Whitfield cancelled Jordan Avery's appointment/)).toBeInTheDocument();
    expect(within(row).getByText('Dec 2, 2026')).toBeInTheDocument();
    expect(within(row).getByText('10:30 AM')).toBeInTheDocument();
    expect(within(row).getByText('cancelled')).toBeInTheDocument();
    expect(row.textContent).not.toMatch(/appointment\.cancelled|[0-9a-f]{8}-[0-9a-f]{4}-|10:30:12/);
  });

  it('marks failed sign-ins', () => {
    renderWithProviders(<AuditEventsTable events={[event({ action: 'auth.login_failed', sentence: 'A sign-in as Dana Whitfield failed (wrong password)', details: [] })]} timeZone="UTC" caption="Audit events" />);
    expect(screen.getByText('A sign-in as Dana Whitfield failed (wrong password)')).toBeInTheDocument();
  });
});
