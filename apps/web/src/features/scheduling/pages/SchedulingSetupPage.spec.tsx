import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { api } from '@web/lib/api/apiClient';
import { answer, answeringByPath, renderWithProviders, TEST_LOCATION } from '@web-test/renderWithProviders';
import { SchedulingSetupPage } from './SchedulingSetupPage';

// Only the typed API client is replaced: the panels, their hooks and React Query run as in the dashboard.
jest.mock('@web/lib/api/apiClient', () => ({ api: { GET: jest.fn(), POST: jest.fn(), PUT: jest.fn(), PATCH: jest.fn() } }));
const get = api.GET as unknown as jest.Mock;
const post = api.POST as unknown as jest.Mock;
const put = api.PUT as unknown as jest.Mock;

const HARBOUR = { id: 'location-1', name: 'Harbour Street', timezone: 'America/New_York', countryCode: 'US', address: '', phone: '', latitude: null, longitude: null, isActive: true };
const SERVICES = [
  { id: 'service-1', name: 'Medical needling', durationMin: 60, bufferMin: 15, procedureKind: 'medical_needling', consentKinds: ['medical_needling', 'photography'], minDaysBetweenMedicalSessions: 28, isActive: true, onlineBooking: 'off', description: '' },
];
const STAFF = [
  { id: 'nurse-1', name: 'Nora Quinn', role: 'nurse', isActive: true },
  { id: 'desk-1', name: 'Dana Desk', role: 'front_desk', isActive: true },
];
const HOURS = {
  staffMemberId: 'nurse-1',
  blocks: [
    { weekday: 1, startsAt: '08:00', endsAt: '16:00', locationId: 'location-1' },
    { weekday: 2, startsAt: '09:00', endsAt: '17:00', locationId: 'location-2' },
  ],
  exceptions: [],
};

beforeEach(() => {
  get.mockReset().mockImplementation(
    answeringByPath({ '/api/services': SERVICES, '/api/staff': STAFF, '/api/staff/{id}/working-hours': HOURS, '/api/rooms': [] }),
  );
  post.mockReset();
  put.mockReset();
});

function openSetUp() {
  renderWithProviders(<SchedulingSetupPage />, { location: { ...TEST_LOCATION, location: HARBOUR, choices: [HARBOUR] } });
  return userEvent.setup();
}

it('lists the services with the consents they require, in the consent forms’ words', async () => {
  openSetUp();
  const table = await screen.findByRole('table', { name: 'Services' });
  const row = await within(table).findByRole('row', { name: /Medical needling/ });
  expect(within(row).getByText('Medical needling (≥ 0.5 mm)')).toBeInTheDocument();
  expect(within(row).getByText('Medical micro-needling, Photography')).toBeInTheDocument();
  expect(within(row).getByText('28 days')).toBeInTheDocument();
});

it('adds a service with the consents chosen, then clears the name for the next', async () => {
  const user = openSetUp();
  await screen.findByRole('table', { name: 'Services' });
  await user.click(screen.getByLabelText('Name'));
  await user.paste('Acne-scar needling');
  await user.click(screen.getByRole('textbox', { name: 'Consents required' }));
  await user.click(await screen.findByRole('option', { name: /Topical ana?esthetic/ }));
  post.mockResolvedValue(answer(201, { ...SERVICES[0], id: 'service-2', name: 'Acne-scar needling' }));
  await user.click(screen.getByRole('button', { name: 'Add service' }));

  await waitFor(() => expect(screen.getByLabelText('Name')).toHaveValue(''));
  expect(post).toHaveBeenCalledWith('/api/services', {
    body: {
      name: 'Acne-scar needling',
      durationMin: 60,
      bufferMin: 15,
      procedureKind: 'medical_needling',
      consentKinds: ['medical_needling', 'topical_anesthetic'],
      minDaysBetweenMedicalSessions: 28,
      onlineBooking: 'existing_patients',
    },
  });
});

it('edits a practitioner’s week at the selected location and saves it whole', async () => {
  const user = openSetUp();
  await user.click(screen.getByRole('tab', { name: 'Working hours' }));
  await user.click(screen.getByRole('textbox', { name: 'Practitioner' }));
  // Only clinical roles treat patients.
  expect(screen.queryByRole('option', { name: 'Dana Desk' })).not.toBeInTheDocument();
  await user.click(await screen.findByRole('option', { name: 'Nora Quinn' }));

  // Monday comes from this location's blocks; Tuesday's block is at another location.
  await waitFor(() => expect(screen.getByRole('checkbox', { name: 'Mon' })).toBeChecked());
  expect(screen.getByLabelText('Mon from')).toHaveValue('08:00');
  expect(screen.getByRole('checkbox', { name: 'Tue' })).not.toBeChecked();
  await user.click(screen.getByRole('checkbox', { name: 'Sat' }));
  put.mockResolvedValue(answer(200, HOURS));
  await user.click(screen.getByRole('button', { name: 'Save hours' }));

  expect(await screen.findByText('Saved')).toBeInTheDocument();
  expect(put).toHaveBeenCalledWith('/api/staff/{id}/working-hours', {
    params: { path: { id: 'nurse-1' } },
    body: {
      locationId: 'location-1',
      blocks: [
        { weekday: 1, startsAt: '08:00', endsAt: '16:00' },
        { weekday: 6, startsAt: '09:00', endsAt: '17:00' },
      ],
    },
  });
});
