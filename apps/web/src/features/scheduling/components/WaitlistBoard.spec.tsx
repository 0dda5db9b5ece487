import { screen } from '@testing-library/react';
import { api } from '@web/lib/api/apiClient';
import { answer, invalidFields, renderWithProviders } from '@web-test/renderWithProviders';
import { WaitlistBoard } from './WaitlistBoard';

// Only the typed API client is replaced: the hooks and React Query run as in the dashboard.
jest.mock('@web/lib/api/apiClient', () => ({ api: { GET: jest.fn(), POST: jest.fn() } }));
const get = api.GET as unknown as jest.Mock;

const EMPTY_WAITLIST = { items: [], total: 0 };

it('says the freed slots could not be loaded, with the reason, rather than that nothing was freed', async () => {
  get.mockImplementation(async (path: string) =>
    path === '/api/waitlist/freed-slots' ? answer(400, invalidFields(['to', 'at most 14 days after from'])) : answer(200, EMPTY_WAITLIST),
  );
  renderWithProviders(<WaitlistBoard locationId="location-1" timeZone="America/New_York" />);
  expect(await screen.findByRole('alert')).toHaveTextContent('The freed slots could not be loaded:');
  expect(screen.queryByText(/No time freed/)).not.toBeInTheDocument();
});

it('says nothing was freed when the list is empty', async () => {
  get.mockImplementation(async (path: string) => (path === '/api/waitlist/freed-slots' ? answer(200, { items: [] }) : answer(200, EMPTY_WAITLIST)));
  renderWithProviders(<WaitlistBoard locationId="location-1" timeZone="America/New_York" />);
  expect(await screen.findByText('No time freed by cancellations, no-shows or moves in the next two weeks.')).toBeInTheDocument();
  expect(screen.queryByRole('alert')).not.toBeInTheDocument();
});
