import { screen, within } from '@testing-library/react';
import { api } from '@web/lib/api/apiClient';
import { answeringByPath, renderWithProviders, signedInAs } from '@web-test/renderWithProviders';
import { ReportsPage } from './ReportsPage';

// Only the typed API client is replaced; the charts (recharts, loaded after the page) are drawn in the browser e2e.
jest.mock('@web/lib/api/apiClient', () => ({ api: { GET: jest.fn(), POST: jest.fn() } }));
jest.mock('@web/features/reports/components/lazyCharts', () => ({
  DepthBandChart: () => null,
  GroupBarChart: () => null,
  preloadCharts: () => undefined,
  groupChartHeight: () => 100,
}));
const get = api.GET as unknown as jest.Mock;

const noWaste = { dropped: 0, packaging_damaged: 0, contaminated: 0, expired: 0, other: 0 };
const CARTRIDGES = {
  groupBy: 'product',
  from: '2025-12-08',
  to: '2026-12-07',
  rows: [
    { key: 'p1', label: 'SkinPen cartridge 14-pin', received: 20, used: 3, wasted: 2, wastedByReason: { ...noWaste, dropped: 2 }, expiredUnused: 0, onHand: 15, wastePercent: 40, sessions: 3, cartridgesPerSession: 1 },
  ],
  expiringSoon: [],
};

beforeEach(() =>
  get.mockReset().mockImplementation(answeringByPath({ '/api/locations': [], '/api/staff': [], '/api/reports/cartridges': CARTRIDGES })),
);

it('shows the front desk the operational reports only, opening on cartridges with its table and CSV link', async () => {
  renderWithProviders(<ReportsPage />, { user: signedInAs('front_desk') });
  const tabs = screen.getAllByRole('tab').map((tab) => tab.textContent);
  expect(tabs).toEqual(['Cartridges', 'Appointments', 'Consent coverage']);
  const row = await screen.findByRole('row', { name: /SkinPen cartridge 14-pin/ });
  expect(within(row).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['20', '3', '2', '2 dropped', '40 %', '0', '15', '3', '1']);
  const csv = screen.getByRole('link', { name: 'Download CSV' });
  expect(csv.getAttribute('href')).toMatch(/^\/api\/reports\/cartridges\?from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}&groupBy=product&format=csv$/);
  expect(get).not.toHaveBeenCalledWith('/api/reports/outcomes-by-depth', expect.anything());
});
