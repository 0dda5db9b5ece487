import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Location } from '@web/entities/location';
import { api } from '@web/lib/api/apiClient';
import { answer, renderWithProviders } from '@web-test/renderWithProviders';
import { LocationFormModal, type LocationTarget } from './LocationFormModal';

// Only the typed API client is replaced: the form, its hooks and React Query run as in the dashboard.
jest.mock('@web/lib/api/apiClient', () => ({ api: { POST: jest.fn(), PATCH: jest.fn() } }));
const post = api.POST as unknown as jest.Mock;
const patch = api.PATCH as unknown as jest.Mock;

const HARBOUR: Location = { id: 'location-1', name: 'Harbour Street', timezone: 'America/New_York', countryCode: 'US', address: '12 Harbour Street', phone: '+12125550100', latitude: null, longitude: null, isActive: true };

beforeEach(() => {
  post.mockReset();
  patch.mockReset();
});

function openDialog(target: LocationTarget) {
  const onClose = jest.fn();
  renderWithProviders(<LocationFormModal target={target} onClose={onClose} />);
  return { onClose, user: userEvent.setup() };
}

it('asks for a name and sends nothing without one', async () => {
  const { user } = openDialog({ kind: 'new' });
  await user.click(screen.getByRole('button', { name: 'Add location' }));
  expect(await screen.findByText('Enter a name for the location')).toBeInTheDocument();
  expect(post).not.toHaveBeenCalled();
});

it('adds a location in the chosen time zone, with what was typed trimmed', async () => {
  const { user, onClose } = openDialog({ kind: 'new' });
  await user.click(screen.getByLabelText(/Location name/));
  await user.paste(' Lakeside ');
  await user.click(screen.getByRole('textbox', { name: /Time zone/ }));
  await user.keyboard('{Control>}a{/Control}chicago');
  await user.click(await screen.findByRole('option', { name: /^America\/Chicago/ }));
  await user.click(screen.getByLabelText('Address'));
  await user.paste('1 Lake Shore Drive ');
  post.mockResolvedValue(answer(201, { ...HARBOUR, id: 'location-2', name: 'Lakeside', timezone: 'America/Chicago' }));
  await user.click(screen.getByRole('button', { name: 'Add location' }));

  await waitFor(() => expect(onClose).toHaveBeenCalled());
  expect(post).toHaveBeenCalledWith('/api/locations', {
    body: { name: 'Lakeside', timezone: 'America/Chicago', countryCode: 'US', address: '1 Lake Shore Drive', phone: '', latitude: null, longitude: null },
  });
});

it('saves an existing location, including taking it out of use', async () => {
  const { user, onClose } = openDialog({ kind: 'existing', location: HARBOUR });
  expect(screen.getByLabelText(/Location name/)).toHaveValue('Harbour Street');
  // The stored E.164 number shows in the country's national format.
  expect(screen.getByRole('textbox', { name: 'Phone' })).toHaveValue('(212) 555-0100');
  await user.click(screen.getByRole('switch', { name: /Active/ }));
  patch.mockResolvedValue(answer(200, { ...HARBOUR, isActive: false }));
  await user.click(screen.getByRole('button', { name: 'Save location' }));

  await waitFor(() => expect(onClose).toHaveBeenCalled());
  expect(patch).toHaveBeenCalledWith('/api/locations/{id}', {
    params: { path: { id: 'location-1' } },
    body: { name: 'Harbour Street', timezone: 'America/New_York', countryCode: 'US', address: '12 Harbour Street', phone: '+12125550100', latitude: null, longitude: null, isActive: false },
  });
});

it('keeps where the location is for the booking page’s distance sort: both degrees, or neither', async () => {
  const { user, onClose } = openDialog({ kind: 'existing', location: HARBOUR });
  await user.type(screen.getByRole('textbox', { name: /Latitude/ }), '40.7033');
  await user.click(screen.getByRole('button', { name: 'Save location' }));
  expect(await screen.findByText('Give both latitude and longitude, or neither')).toBeInTheDocument();
  await user.type(screen.getByRole('textbox', { name: /Longitude/ }), '-200');
  await user.click(screen.getByRole('button', { name: 'Save location' }));
  expect(await screen.findByText(/between -180 and 180/)).toBeInTheDocument();
  await user.clear(screen.getByRole('textbox', { name: /Longitude/ }));
  await user.type(screen.getByRole('textbox', { name: /Longitude/ }), '-74.0132');
  patch.mockResolvedValue(answer(200, { ...HARBOUR, latitude: 40.7033, longitude: -74.0132 }));
  await user.click(screen.getByRole('button', { name: 'Save location' }));
  await waitFor(() => expect(onClose).toHaveBeenCalled());
  expect(patch).toHaveBeenCalledWith('/api/locations/{id}', {
    params: { path: { id: 'location-1' } },
    body: expect.objectContaining({ latitude: 40.7033, longitude: -74.0132 }),
  });
});

it('shows the API’s refusal next to the field and stays open', async () => {
  const { user, onClose } = openDialog({ kind: 'existing', location: HARBOUR });
  patch.mockResolvedValue(
    answer(409, {
      type: 'urn:skinledger:problem:location-name-taken',
      title: 'Conflict',
      status: 409,
      detail: 'Another location is already called Harbour Street',
      errors: [{ field: 'name', code: 'location-name-taken', message: 'Another location is already called Harbour Street' }],
    }),
  );
  await user.click(screen.getByRole('button', { name: 'Save location' }));

  expect(await screen.findByText('Another location is already called Harbour Street')).toBeInTheDocument();
  expect(screen.getByLabelText(/Location name/)).toHaveAttribute('aria-invalid', 'true');
  expect(onClose).not.toHaveBeenCalled();
});

it('reads a number typed without a country code in the location’s country, and refuses one that cannot be a number there', async () => {
  const { user } = openDialog({ kind: 'existing', location: HARBOUR });
  const phone = screen.getByRole('textbox', { name: 'Phone' });
  await user.clear(phone);
  await user.type(phone, '555-1234');
  await user.click(screen.getByRole('button', { name: 'Save location' }));
  expect(await screen.findByText(/Not a valid phone number in United States/)).toBeInTheDocument();
  expect(patch).not.toHaveBeenCalled();

  await user.clear(phone);
  await user.type(phone, '718 555 1141');
  patch.mockResolvedValue(answer(200, { ...HARBOUR, phone: '+17185551141' }));
  await user.click(screen.getByRole('button', { name: 'Save location' }));
  await waitFor(() => expect(patch).toHaveBeenCalled());
  expect(patch.mock.calls[0][1].body).toMatchObject({ phone: '+17185551141', countryCode: 'US' });
});
