import { screen, within } from '@testing-library/react';
import { renderWithProviders } from '@web-test/renderWithProviders';
import { TONE_FILL } from '@web/features/treatments/zoneStatus';
import { ZoneLegend } from './ZoneLegend';

it('says which colour blocks the session and which is only a warning', () => {
  renderWithProviders(<ZoneLegend />);
  const key = screen.getByRole('list', { name: /Colou?r key/ });
  const items = within(key).getAllByRole('listitem');
  expect(items.map((i) => i.textContent)).toEqual([
    'Within limits — inside the zone, license and device maximums',
    'Warning · may start — override reason recorded above the zone maximum, or deeper than 1.5 mm (not evaluated by the maker)',
    'Blocks the session — above the zone maximum without a reason, above the practitioner’s license or the device',
    'Not treated — tap to chart',
  ]);
  const swatch = (tone: string) => key.querySelector(`[data-legend-tone="${tone}"] span[aria-hidden]`) as HTMLElement;
  expect(swatch('blocked').style.background).toBe(TONE_FILL.blocked);
  expect(TONE_FILL.blocked).toContain('red');
  expect(swatch('warning').style.background).toBe(TONE_FILL.warning);
  expect(TONE_FILL.warning).toContain('yellow');
});
