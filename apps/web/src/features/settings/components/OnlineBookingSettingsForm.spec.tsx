import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { api } from '@web/lib/api/apiClient';
import { answer, answeringByPath, invalidFields, renderWithProviders } from '@web-test/renderWithProviders';
import { OnlineBookingSettingsForm } from './OnlineBookingSettingsForm';

// Only the typed API client is replaced: the form, its hooks and React Query run as in the dashboard.
jest.mock('@web/lib/api/apiClient', () => ({ api: { GET: jest.fn(), PUT: jest.fn() } }));
const get = api.GET as unknown as jest.Mock;
const put = api.PUT as unknown as jest.Mock;

const SETTINGS = {
  enabled: false,
  minimumNoticeHours: 24,
  maximumDaysAhead: 60,
  cancellationWindowHours: 24,
  policyText: '',
  excludedPractitionerIds: [],
  customized: false,
  publicBookingSlug: '3f9a1c07b2de',
  publicBookingUrl: 'https://book.harbour.test/book?organization=3f9a1c07b2de',
};
const STAFF = [
  { id: 'nurse-1', name: 'Nora Nurse', role: 'nurse', isActive: true },
  { id: 'desk-1', name: 'Dana Desk', role: 'front_desk', isActive: true },
];

beforeEach(() => {
  get.mockReset();
  put.mockReset();
  get.mockImplementation(answeringByPath({ '/api/staff': STAFF }));
});

it('turns online booking on with a shorter notice and keeps a practitioner off the booking page', async () => {
  renderWithProviders(<OnlineBookingSettingsForm settings={SETTINGS} />);
  const user = userEvent.setup();
  expect(screen.getByText('3f9a1c07b2de')).toBeInTheDocument();
  // The public link, and the iframe the clinic pastes into its website.
  expect(screen.getByRole('link', { name: SETTINGS.publicBookingUrl })).toHaveAttribute('href', SETTINGS.publicBookingUrl);
  expect(screen.getByLabelText('Embed snippet')).toHaveTextContent(`<iframe src="${SETTINGS.publicBookingUrl}"`);
  expect(screen.getByRole('button', { name: 'Copy embed snippet' })).toBeInTheDocument();
  await user.click(screen.getByRole('switch', { name: /Patients can book online/ }));
  await user.clear(screen.getByRole('textbox', { name: /Minimum notice/ }));
  await user.type(screen.getByRole('textbox', { name: /Minimum notice/ }), '12');
  await user.click(screen.getByRole('textbox', { name: /Practitioners who take no online bookings/ }));
  // Only clinical roles are offered.
  expect(screen.queryByRole('option', { name: 'Dana Desk' })).not.toBeInTheDocument();
  await user.click(await screen.findByRole('option', { name: 'Nora Nurse' }));
  put.mockResolvedValue(answer(200, { ...SETTINGS, enabled: true, minimumNoticeHours: 12, excludedPractitionerIds: ['nurse-1'], customized: true }));
  await user.click(screen.getByRole('button', { name: 'Save online booking' }));

  await waitFor(() => expect(put).toHaveBeenCalled());
  expect(put).toHaveBeenCalledWith('/api/settings/online-booking', {
    body: { enabled: true, minimumNoticeHours: 12, maximumDaysAhead: 60, cancellationWindowHours: 24, policyText: '', excludedPractitionerIds: ['nurse-1'], brandColor: null },
  });
});

it('shows the API’s refusal on the field it names', async () => {
  renderWithProviders(<OnlineBookingSettingsForm settings={SETTINGS} />);
  const user = userEvent.setup();
  put.mockResolvedValue(answer(400, invalidFields(['maximumDaysAhead', 'maximumDaysAhead must be at most 365 (a year)'])));
  await user.click(screen.getByRole('button', { name: 'Save online booking' }));
  expect(await screen.findByText(/at most 365/)).toBeInTheDocument();
});
