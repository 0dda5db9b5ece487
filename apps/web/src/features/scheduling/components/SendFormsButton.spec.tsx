import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { api } from '@web/lib/api/apiClient';
import { answer, renderWithProviders, signedInAs } from '@web-test/renderWithProviders';
import { SendFormsButton } from './SendFormsButton';

jest.mock('@web/lib/api/apiClient', () => ({ api: { GET: jest.fn(), POST: jest.fn() } }));
const post = api.POST as unknown as jest.Mock;

beforeEach(() => post.mockReset());

it('sends the pre-visit forms and says where they went', async () => {
  post.mockResolvedValue(answer(200, { appointmentId: 'a1', queued: true, recipient: 'elena@example.com', consentsToSign: 2 }));
  renderWithProviders(<SendFormsButton appointmentId="a1" />, { user: signedInAs('front_desk') });
  await userEvent.setup().click(screen.getByRole('button', { name: 'Send forms' }));
  expect(await screen.findByRole('status')).toHaveTextContent('Forms sent to elena@example.com (2 consents to sign).');
  expect(post).toHaveBeenCalledWith('/api/appointments/{id}/send-forms', { params: { path: { id: 'a1' } } });
});

it('says when there is no address to send to', async () => {
  post.mockResolvedValue(answer(200, { appointmentId: 'a1', queued: true, recipient: null, consentsToSign: 1 }));
  renderWithProviders(<SendFormsButton appointmentId="a1" />, { user: signedInAs('front_desk') });
  await userEvent.setup().click(screen.getByRole('button', { name: 'Send forms' }));
  expect(await screen.findByRole('status')).toHaveTextContent('no e-mail address on file');
});
