import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { api } from '@web/lib/api/apiClient';
import { answeringByPath, renderWithProviders, signedInAs } from '@web-test/renderWithProviders';
import { AppLayout } from './AppLayout';

// Only the typed API client is replaced (the header's location switcher reads the locations).
jest.mock('@web/lib/api/apiClient', () => ({ api: { GET: jest.fn(), POST: jest.fn() } }));
const get = api.GET as unknown as jest.Mock;

const HARBOUR = { id: 'location-1', name: 'Harbour Street', timezone: 'America/New_York', address: '', phone: '', isActive: true };

/** A window `width` px wide: media queries of the form (min-width: …em|px) / (max-width: …) answer for it. */
function windowWidth(width: number) {
  const px = (value: string) => (value.endsWith('em') ? parseFloat(value) * 16 : parseFloat(value));
  window.matchMedia = (query: string) => {
    const min = /min-width:\s*([\d.]+(?:em|px))/.exec(query);
    const max = /max-width:\s*([\d.]+(?:em|px))/.exec(query);
    const matches = (!min || width >= px(min[1])) && (!max || width <= px(max[1]));
    return {
      matches,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    } as MediaQueryList;
  };
}

const originalMatchMedia = window.matchMedia;
beforeEach(() => get.mockReset().mockImplementation(answeringByPath({ '/api/locations': [HARBOUR] })));
afterEach(() => {
  window.matchMedia = originalMatchMedia;
});

const mainNavigation = () => screen.getByRole('navigation', { name: 'Main' });
const CLINIC_MODULES = ['Schedule', 'Course planner', 'Patients', 'Consent forms', 'Inventory', 'Reports'];

it('shows the labelled navigation with its section headings from 1100 px', () => {
  windowWidth(1280);
  renderWithProviders(<AppLayout />);
  const nav = mainNavigation();
  expect(nav).toHaveAttribute('data-nav-mode', 'full');
  const clinic = within(nav).getByRole('group', { name: 'Clinic' });
  expect(within(clinic).getByText('Clinic')).toBeVisible();
  expect(within(clinic).getAllByRole('link').map((link) => link.textContent)).toEqual(CLINIC_MODULES);
  expect(within(nav).getByRole('group', { name: 'Administration' })).toBeInTheDocument();
});

it.each([1099, 1024, 768])('collapses to named icons at %i px, each label a tooltip on keyboard focus', async (width) => {
  windowWidth(width);
  renderWithProviders(<AppLayout />);
  const nav = mainNavigation();
  expect(nav).toHaveAttribute('data-nav-mode', 'rail');
  const clinic = within(nav).getByRole('group', { name: 'Clinic' });
  const links = within(clinic).getAllByRole('link');
  // Named for assistive tech, no visible text that would need the column's width.
  expect(links.map((link) => link.getAttribute('aria-label'))).toEqual(CLINIC_MODULES);
  expect(links.map((link) => link.textContent)).toEqual(CLINIC_MODULES.map(() => ''));
  expect(within(nav).queryByText('Clinic')).toBeNull();

  const user = userEvent.setup();
  await user.tab(); // the skip link
  await user.tab(); // the home link in the header
  let focused = document.activeElement as HTMLElement | null;
  while (focused && !nav.contains(focused)) {
    await user.tab();
    focused = document.activeElement as HTMLElement | null;
  }
  expect(focused).toBe(within(nav).getByRole('link', { name: 'Schedule' }));
  expect(await screen.findByRole('tooltip')).toHaveTextContent('Schedule');
});

it('hides the navigation behind the header button below 768 px, opening with labels', async () => {
  windowWidth(600);
  renderWithProviders(<AppLayout />);
  expect(mainNavigation()).toHaveAttribute('data-nav-mode', 'menu');
  const toggle = screen.getByRole('button', { name: 'Open navigation' });
  expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await userEvent.setup().click(toggle);
  expect(screen.getByRole('button', { name: 'Close navigation' })).toHaveAttribute('aria-expanded', 'true');
  expect(within(mainNavigation()).getByRole('link', { name: 'Patients' })).toHaveTextContent('Patients');
});

it('offers only the administration a role may use', () => {
  windowWidth(1280);
  renderWithProviders(<AppLayout />, { user: signedInAs('front_desk') });
  const nav = mainNavigation();
  expect(within(nav).queryByRole('link', { name: 'Audit log' })).toBeNull();
  expect(within(nav).getByRole('link', { name: 'Settings' })).toBeInTheDocument();
});

it.each(['owner', 'admin', 'physician', 'nurse', 'front_desk'] as const)('links Reports for the %s (a reports permission)', (role) => {
  windowWidth(1280);
  renderWithProviders(<AppLayout />, { user: signedInAs(role) });
  expect(within(mainNavigation()).getByRole('link', { name: 'Reports' })).toHaveAttribute('href', '/reports');
});

it('offers no Reports link to an aesthetician (no reports permission)', () => {
  windowWidth(1280);
  renderWithProviders(<AppLayout />, { user: signedInAs('aesthetician') });
  expect(within(mainNavigation()).queryByRole('link', { name: /Reports/ })).toBeNull();
});

it('names the account button by the person shown on it, then what it opens', () => {
  windowWidth(1280);
  renderWithProviders(<AppLayout />, { user: signedInAs('owner', { name: 'Dr. Maya Okafor' }) });
  const account = screen.getByRole('button', { name: /Account menu/ });
  expect(account).not.toHaveAttribute('aria-label');
  expect(account).toHaveAccessibleName('Dr. Maya Okafor Owner Account menu');
});
