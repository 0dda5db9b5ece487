import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { api } from '@web/lib/api/apiClient';
import { answer, answeringByPath, renderWithProviders, signedInAs } from '@web-test/renderWithProviders';
import type { Appointment } from '@web/features/scheduling/hooks/useSchedule';
import { CheckInReadiness } from './CheckInReadiness';

// Only the typed API client is replaced: the section, its hooks and React Query run as in the dashboard.
jest.mock('@web/lib/api/apiClient', () => ({ api: { GET: jest.fn(), POST: jest.fn() } }));
const get = api.GET as unknown as jest.Mock;
const post = api.POST as unknown as jest.Mock;

const APPOINTMENT = {
  id: 'appointment-1',
  patientId: 'patient-1',
  patientName: 'Elena Marsh',
  practitionerId: 'nurse',
  practitionerName: 'Nora Reyes',
  serviceName: 'Acne-scar needling (medical)',
  status: 'booked',
  timeZone: 'America/New_York',
} as Appointment;

const MISSING = {
  appointmentId: 'appointment-1',
  ready: false,
  missingConsents: ['medical_needling', 'topical_anesthetic'],
  blockers: [
    { code: 'consent-missing', message: 'No valid medical needling consent on file' },
    { code: 'consent-missing', message: 'No valid topical anaesthetic consent on file' },
    { code: 'history_missing', message: 'No medical history on file: record it before treatment' },
  ],
  warnings: [],
  clinicalDetail: false,
  patientReportedHistory: false,
  remotelySignedConsents: [],
};

beforeEach(() => {
  get.mockReset();
  post.mockReset();
});

it('offers to fix what is missing: every consent in one hand-over, and the medical history', async () => {
  get.mockImplementation(answeringByPath({ '/api/appointments/{id}/check-in': MISSING }));
  renderWithProviders(<CheckInReadiness appointment={APPOINTMENT} />, { user: signedInAs('front_desk'), routes: { '/kiosk/visits/:appointmentId': <p>Kiosk session</p> } });
  expect(await screen.findByText('Missing before treatment')).toBeInTheDocument();
  expect(screen.getByText(/^Missing consent: medical (micro-)?needling$/)).toBeInTheDocument();
  expect(screen.getByText('No medical history on file: record it before treatment')).toBeInTheDocument();
  expect(screen.getByRole('button', { name: 'Record medical history' })).toBeInTheDocument();
  const handOver = screen.getByRole('button', { name: 'Prepare and hand over' });
  expect(handOver).toHaveAccessibleDescription('The 2 missing consents, naming Nora Reyes, signed in one session on this tablet, then witnessed once with your password.');

  post.mockResolvedValue(answer(200, { appointmentId: 'appointment-1', consents: [{ id: 'c1', patientId: 'patient-1' }, { id: 'c2', patientId: 'patient-1' }] }));
  await userEvent.setup().click(handOver);
  expect(await screen.findByText('Kiosk session')).toBeInTheDocument();
  expect(post).toHaveBeenCalledWith('/api/appointments/{id}/consents', { params: { path: { id: 'appointment-1' } } });
});

it('says why the hand-over was refused, naming the practitioner problem', async () => {
  get.mockImplementation(answeringByPath({ '/api/appointments/{id}/check-in': MISSING }));
  renderWithProviders(<CheckInReadiness appointment={APPOINTMENT} />, { user: signedInAs('front_desk') });
  post.mockResolvedValue(
    answer(422, {
      type: 'urn:skinledger:problem:rule-violation',
      title: 'Rule violated',
      status: 422,
      detail: 'Name the practitioner who treats the patient. Nora Reyes: the practitioner is deactivated',
      violations: [{ code: 'practitioner-inactive', field: 'practitionerId', message: 'Nora Reyes: the practitioner is deactivated' }],
    }),
  );
  await userEvent.setup().click(await screen.findByRole('button', { name: 'Prepare and hand over' }));
  expect(await screen.findByRole('alert', { name: /Name the practitioner who treats the patient/ })).toHaveTextContent('Nora Reyes: the practitioner is deactivated');
});

it('shows a ready visit without actions, and no fixes for a cancelled one', async () => {
  get.mockImplementation(
    answeringByPath({ '/api/appointments/{id}/check-in': { appointmentId: 'appointment-1', ready: true, missingConsents: [], blockers: [], warnings: [], clinicalDetail: false, patientReportedHistory: false, remotelySignedConsents: [] } }),
  );
  const { unmount } = renderWithProviders(<CheckInReadiness appointment={APPOINTMENT} />);
  expect(await screen.findByText('Ready for treatment')).toBeInTheDocument();
  expect(screen.getByText('Every consent the visit needs is on file.')).toBeInTheDocument();
  expect(screen.queryByRole('button')).not.toBeInTheDocument();
  unmount();

  get.mockImplementation(answeringByPath({ '/api/appointments/{id}/check-in': MISSING }));
  renderWithProviders(<CheckInReadiness appointment={{ ...APPOINTMENT, status: 'cancelled' }} />);
  await waitFor(() => expect(screen.getByText(/^Missing consent: medical (micro-)?needling$/)).toBeInTheDocument());
  expect(screen.queryByRole('button', { name: 'Prepare and hand over' })).not.toBeInTheDocument();
});

it('shows a history the patient filled in herself, and a consent signed at home with its witness step (issue 16)', async () => {
  const signedAtHome = {
    appointmentId: 'appointment-1',
    ready: false,
    missingConsents: [],
    blockers: [{ code: 'isotretinoin_window', message: 'Oral isotretinoin within 6 months of the last dose' }],
    warnings: [],
    clinicalDetail: true,
    patientReportedHistory: true,
    remotelySignedConsents: [{ id: 'c9', title: 'Consent to cosmetic needling', witnessRequired: true, witnessed: false }],
  };
  get.mockImplementation(answeringByPath({ '/api/appointments/{id}/check-in': signedAtHome }));
  renderWithProviders(<CheckInReadiness appointment={APPOINTMENT} />, { user: signedInAs('nurse') });
  expect(await screen.findByRole('alert', { name: 'Patient-reported history to review' })).toHaveTextContent('go through it with her at check-in');
  const remote = screen.getByRole('region', { name: 'Signed remotely' });
  expect(remote).toHaveTextContent('Signed remotely');
  expect(remote).toHaveTextContent('Consent to cosmetic needling — to witness at check-in');

  await userEvent.setup().click(screen.getByRole('button', { name: 'Witness “Consent to cosmetic needling”' }));
  expect(await screen.findByText(/signed "Consent to cosmetic needling" before the visit through her link/)).toBeInTheDocument();
  post.mockResolvedValue(answer(200, { id: 'c9', patientId: 'patient-1', title: 'Consent to cosmetic needling' }));
  await userEvent.setup().type(screen.getByLabelText(/password/i), 'correct horse battery staple');
  await userEvent.setup().click(screen.getByRole('button', { name: 'Witness' }));
  await waitFor(() => expect(post).toHaveBeenCalledWith('/api/consents/{id}/witness', { params: { path: { id: 'c9' } }, body: { password: 'correct horse battery staple' } }));
});
