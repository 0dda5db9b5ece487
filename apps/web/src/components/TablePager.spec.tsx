import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithProviders } from '@web-test/renderWithProviders';
import { TablePager } from './TablePager';

it('names the page navigation as a landmark, with named page and step buttons', async () => {
  const onPageChange = jest.fn();
  renderWithProviders(<TablePager summary="1–25 of 60 events" page={1} pages={3} onPageChange={onPageChange} label="Audit log pages" />);
  const pager = screen.getByRole('navigation', { name: 'Audit log pages' });
  expect(within(pager).getByRole('button', { name: 'Page 2' })).toBeInTheDocument();
  await userEvent.setup().click(within(pager).getByRole('button', { name: 'Next page' }));
  expect(onPageChange).toHaveBeenCalledWith(2);
  // The name sits on the landmark only, not also on Pagination's plain root (which assistive tech would ignore).
  expect(screen.getAllByLabelText('Audit log pages')).toEqual([pager]);
});

it('shows only the summary when everything fits on one page', () => {
  renderWithProviders(<TablePager summary="12 events" page={1} pages={1} onPageChange={() => undefined} label="Audit log pages" />);
  expect(screen.getByText('12 events')).toBeInTheDocument();
  expect(screen.queryByRole('navigation')).not.toBeInTheDocument();
});
