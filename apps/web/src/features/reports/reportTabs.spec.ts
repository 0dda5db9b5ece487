import { PERMISSION_MATRIX } from '@skinledger/domain';
import { reportTabsFor } from './reportTabs';

describe('reportTabsFor', () => {
  it('gives clinicians with report access every tab, opening the one asked for', () => {
    const { tabs, active } = reportTabsFor(PERMISSION_MATRIX.nurse, 'appointments');
    expect(tabs.map((t) => t.value)).toEqual(['outcomes', 'cartridges', 'appointments', 'safety', 'consents']);
    expect(active).toBe('appointments');
  });

  it('keeps clinical reports from the front desk, falling back to its first tab', () => {
    const { tabs, active } = reportTabsFor(PERMISSION_MATRIX.front_desk, 'outcomes');
    expect(tabs.map((t) => t.value)).toEqual(['cartridges', 'appointments', 'consents']);
    expect(active).toBe('cartridges');
  });

  it('gives an aesthetician none', () => {
    expect(reportTabsFor(PERMISSION_MATRIX.aesthetician, '')).toEqual({ tabs: [], active: null });
  });
});
