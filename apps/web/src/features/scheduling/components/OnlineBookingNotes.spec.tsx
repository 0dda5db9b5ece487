import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { api } from '@web/lib/api/apiClient';
import { answer, renderWithProviders, signedInAs } from '@web-test/renderWithProviders';
import { APPOINTMENT } from '@web-test/appointmentFixtures';
import { OnlineBookingNotes } from './OnlineBookingNotes';

// Only the typed API client is replaced: the notes, their hooks and React Query run as in the dashboard.
jest.mock('@web/lib/api/apiClient', () => ({ api: { GET: jest.fn(), POST: jest.fn() } }));
const post = api.POST as unknown as jest.Mock;

beforeEach(() => post.mockReset());

it('says nothing about a staff booking of a known patient', () => {
  renderWithProviders(<OnlineBookingNotes appointment={APPOINTMENT} />, { user: signedInAs('front_desk') });
  expect(screen.queryByText('Booked online by the patient')).not.toBeInTheDocument();
  expect(screen.queryByText('Verify identity')).not.toBeInTheDocument();
});

it('marks an online booking and asks to verify the identity until the front desk records it', async () => {
  post.mockReturnValue(answer(200, { id: 'patient-1', selfRegistered: true, identityVerifiedAt: '2026-12-02T15:00:00.000Z' }));
  renderWithProviders(<OnlineBookingNotes appointment={{ ...APPOINTMENT, source: 'online', patientIdentityToVerify: true }} />, { user: signedInAs('front_desk') });
  expect(screen.getByRole('img', { name: 'Booked online' })).toBeInTheDocument();
  expect(screen.getByText('Booked online by the patient')).toBeInTheDocument();
  expect(screen.getByText('Verify identity')).toBeInTheDocument();
  await userEvent.click(screen.getByRole('button', { name: 'Identity checked' }));
  await waitFor(() => expect(post).toHaveBeenCalledWith('/api/patients/{id}/verify-identity', { params: { path: { id: 'patient-1' } } }));
});

it('does not ask for a cancelled visit', () => {
  renderWithProviders(<OnlineBookingNotes appointment={{ ...APPOINTMENT, source: 'online', patientIdentityToVerify: true, status: 'cancelled' }} />, { user: signedInAs('front_desk') });
  expect(screen.getByText('Booked online by the patient')).toBeInTheDocument();
  expect(screen.queryByText('Verify identity')).not.toBeInTheDocument();
});
