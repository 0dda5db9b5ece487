import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { api } from '@web/lib/api/apiClient';
import { answer, renderWithProviders } from '@web-test/renderWithProviders';
import type { FreedSlot, WaitlistEntry } from '@web/features/scheduling/hooks/useWaitlist';
import { FreedSlotCard } from './FreedSlotCard';

jest.mock('@web/lib/api/apiClient', () => ({ api: { GET: jest.fn(), POST: jest.fn() } }));
const post = api.POST as unknown as jest.Mock;

const ENTRY: WaitlistEntry = {
  id: 'entry-1',
  patientId: 'patient-2',
  patientName: 'Tom Avery',
  patientMrn: 'SL-000008',
  patientHasEmail: true,
  serviceId: 'service-1',
  serviceName: 'Medical needling',
  locationId: 'location-1',
  locationName: 'Harbour Street',
  timeZone: 'America/New_York',
  practitionerId: null,
  practitionerName: null,
  earliestOn: '2026-12-01',
  latestOn: '2026-12-14',
  notes: '',
  status: 'waiting',
  state: 'waiting',
  bookedAppointmentId: null,
  removedReason: null,
  createdAt: '2026-11-20T14:00:00.000Z',
  latestOffer: null,
};
const SLOT: FreedSlot = {
  id: 'slot-1',
  appointmentId: 'appointment-1',
  cause: 'cancelled',
  locationId: 'location-1',
  timeZone: 'America/New_York',
  practitionerId: 'nurse-1',
  practitionerName: 'Nora Reyes',
  roomId: 'room-1',
  roomName: 'Room 1',
  startsAt: '2026-12-02T15:30:00.000Z',
  endsAt: '2026-12-02T16:45:00.000Z',
  open: true,
  matches: [{ entry: ENTRY, startsAt: '2026-12-02T15:30:00.000Z', endsAt: '2026-12-02T16:30:00.000Z', roomId: 'room-1', roomName: 'Room 1', offer: null }],
};
const OFFER = {
  id: 'offer-1',
  entryId: 'entry-1',
  freedSlotId: 'slot-1',
  timeZone: 'America/New_York',
  practitionerId: 'nurse-1',
  practitionerName: 'Nora Reyes',
  roomId: 'room-1',
  roomName: 'Room 1',
  startsAt: '2026-12-02T15:30:00.000Z',
  endsAt: '2026-12-02T16:30:00.000Z',
  state: 'open' as const,
  appointmentId: null,
  offeredAt: '2026-12-01T14:05:00.000Z',
  offeredByName: 'Tom Alvarez',
};

beforeEach(() => post.mockReset());

it('shows the freed time in the location’s zone and who on the waitlist fits it', () => {
  renderWithProviders(<FreedSlotCard slot={SLOT} />);
  expect(screen.getByRole('heading', { name: /Wednesday, December 2, 2026, 10:30\sAM – 11:45\sAM/ })).toBeInTheDocument();
  expect(screen.getByText('Cancellation: free again')).toBeInTheDocument();
  const row = within(screen.getByRole('table')).getByRole('row', { name: /Tom Avery/ });
  expect(within(row).getByText('Dec 1, 2026 – Dec 14, 2026')).toBeInTheDocument();
  expect(within(row).getByText(/10:30\sAM/)).toBeInTheDocument();
});

it('offers the start with one click', async () => {
  renderWithProviders(<FreedSlotCard slot={SLOT} />);
  post.mockResolvedValue(answer(201, { ...ENTRY, status: 'offered', state: 'offered', latestOffer: OFFER }));
  await userEvent.setup().click(screen.getByRole('button', { name: 'Offer to Tom Avery' }));
  await waitFor(() =>
    expect(post).toHaveBeenCalledWith('/api/waitlist/{id}/offers', { params: { path: { id: 'entry-1' } }, body: { freedSlotId: 'slot-1', startsAt: '2026-12-02T15:30:00.000Z' } }),
  );
});

it('books an open offer, and says plainly when someone else took the time first', async () => {
  renderWithProviders(<FreedSlotCard slot={{ ...SLOT, matches: [{ ...SLOT.matches[0], offer: OFFER }] }} />);
  expect(screen.getByText(/Offered 9:05\sAM/)).toBeInTheDocument();
  post.mockResolvedValue(
    answer(409, {
      type: 'urn:skinledger:problem:offer-slot-taken',
      title: 'Conflict',
      status: 409,
      detail: 'Someone else was booked with Nora Reyes on Wednesday, December 2, 2026 at 10:30 AM first: this offer can no longer be booked. Tom Avery stays on the waitlist; offer another slot.',
    }),
  );
  await userEvent.setup().click(screen.getByRole('button', { name: 'Book for Tom Avery' }));
  const alert = await screen.findByRole('alert');
  expect(within(alert).getByText('Not booked')).toBeInTheDocument();
  expect(alert).toHaveTextContent('Someone else was booked with Nora Reyes on Wednesday, December 2, 2026 at 10:30 AM first');
  expect(post).toHaveBeenCalledWith('/api/waitlist/offers/{offerId}/book', { params: { path: { offerId: 'offer-1' } } });
});

it('says when nobody fits, and shows taken offers as such', () => {
  const { unmount } = renderWithProviders(<FreedSlotCard slot={{ ...SLOT, matches: [] }} />);
  expect(screen.getByText('Nobody on the waitlist fits this time.')).toBeInTheDocument();
  unmount();
  renderWithProviders(<FreedSlotCard slot={{ ...SLOT, matches: [{ ...SLOT.matches[0], offer: { ...OFFER, state: 'taken' } }] }} />);
  expect(screen.getByText('Taken by someone else')).toBeInTheDocument();
  expect(screen.queryByRole('button', { name: /Book/ })).not.toBeInTheDocument();
});
