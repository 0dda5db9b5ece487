import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import type { ChartDraft } from '@web/features/treatments/chartDraft';
import type { ZoneLimits } from '@web/features/treatments/zoneStatus';
import { renderWithProviders } from '@web-test/renderWithProviders';
import { ZonesSection } from './ZonesSection';

/** The charting screen keeps the zones; this stands in for it and shows what it would send. */
function Chart({ limits, onZones }: { limits: ZoneLimits; onZones: (zones: ChartDraft['zones']) => void }) {
  const [zones, setZones] = useState<ChartDraft['zones']>({});
  return (
    <ZonesSection
      zones={zones}
      limits={limits}
      onChange={(next) => {
        setZones(next);
        onZones(next);
      }}
    />
  );
}

// The clinic lowered the forehead to 0.5 mm (its default maximum is 0.75 mm).
const CLINIC: ZoneLimits = { zoneMaxMm: { forehead: 0.5 }, practitionerMaxDepthMm: undefined };

function chart(limits: ZoneLimits = CLINIC) {
  const onZones = jest.fn();
  renderWithProviders(<Chart limits={limits} onZones={onZones} />);
  const lastZones = (): ChartDraft['zones'] => onZones.mock.calls.at(-1)?.[0] ?? {};
  return { user: userEvent.setup(), lastZones };
}

const faceZone = (name: RegExp) => within(screen.getByRole('group', { name: 'Face map' })).getByRole('button', { name });
const depthShown = () => screen.getByTestId('zone-depth').textContent;

it('opens a tapped zone at the low end of its typical range, on the pen’s steps, with two passes', async () => {
  const { user, lastZones } = chart();
  expect(screen.getByText(/Tap a zone on the face/)).toBeInTheDocument();
  await user.click(faceZone(/^Forehead: not treated/));

  const editor = screen.getByRole('region', { name: 'Edit Forehead' });
  expect(within(editor).getByText('Zone maximum 0.5 mm')).toBeInTheDocument();
  expect(depthShown()).toBe('0.25');
  expect(lastZones()).toEqual({ forehead: { depthMm: 0.25, passes: 2, overrideReason: '' } });
  expect(screen.getByText('Cosmetic needling · max 0.25 mm')).toBeInTheDocument();
  // The depth slider is named on its thumb (role slider) only: a name on the plain container is ignored by screen readers.
  expect(within(editor).getAllByLabelText('Depth (mm)')).toEqual([within(editor).getByRole('slider', { name: 'Depth (mm)' })]);
});

it('asks for an override reason above the clinic’s zone maximum, and turns the session medical from 0.5 mm', async () => {
  const { user, lastZones } = chart();
  await user.click(faceZone(/^Forehead/));
  const deeper = screen.getByRole('button', { name: 'Deeper by 0.25 mm' });
  await user.click(deeper);
  expect(depthShown()).toBe('0.50');
  expect(screen.getByText('Medical needling · max 0.5 mm')).toBeInTheDocument();
  expect(screen.queryByLabelText(/Override reason/)).not.toBeInTheDocument();

  await user.click(deeper);
  expect(depthShown()).toBe('0.75');
  const reason = screen.getByLabelText(/Override reason/);
  expect(screen.getByText("Deeper than this zone's maximum of 0.5 mm")).toBeInTheDocument();
  // Without a reason the preflight lists it as a blocker: red, and the editor says it blocks the session.
  expect(faceZone(/^Forehead: 0.75 mm, 2 passes, blocks the session/)).toHaveAttribute('data-tone', 'blocked');
  expect(screen.getByText('Blocks the session:', { exact: false })).toBeInTheDocument();
  await user.click(reason);
  await user.paste('Thick skin, tolerated last session');
  expect(lastZones().forehead).toEqual({ depthMm: 0.75, passes: 2, overrideReason: 'Thick skin, tolerated last session' });
  // With a reason it is a warning: amber, and the session may start.
  expect(faceZone(/^Forehead: 0.75 mm, 2 passes, warning, may start/)).toHaveAttribute('data-tone', 'warning');
});

it('shows a depth beyond the practitioner’s licence as blocking the session', async () => {
  const { user } = chart({ zoneMaxMm: {}, practitionerMaxDepthMm: 0.5 });
  await user.click(faceZone(/^Cheeks/));
  expect(depthShown()).toBe('0.50');
  await user.click(screen.getByRole('button', { name: 'Deeper by 0.25 mm' }));
  expect(screen.getByText(/exceeds the practitioner's licensed maximum of 0.5 mm/)).toBeInTheDocument();
  expect(faceZone(/^Cheeks: 0.75 mm, 2 passes, blocks the session/)).toHaveAttribute('data-tone', 'blocked');
});

it('keeps the depth on the pen’s settings, never below 0', async () => {
  const { user, lastZones } = chart();
  await user.click(faceZone(/^Forehead/));
  const shallower = screen.getByRole('button', { name: 'Shallower by 0.25 mm' });
  await user.click(shallower);
  expect(depthShown()).toBe('0.00');
  expect(shallower).toBeDisabled();
  expect(lastZones().forehead?.depthMm).toBe(0);
});

it('takes a zone off the chart with “Remove zone”', async () => {
  const { user, lastZones } = chart();
  await user.click(faceZone(/^Forehead/));
  await user.click(faceZone(/^Nose/));
  expect(screen.queryByRole('button', { name: 'Not treated' })).not.toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: 'Remove zone' }));
  expect(lastZones()).toEqual({ forehead: { depthMm: 0.25, passes: 2, overrideReason: '' } });
  expect(faceZone(/^Nose: not treated/)).toBeInTheDocument();
  expect(within(screen.getByRole('group', { name: 'Charted zones' })).getByText('0.25 mm · 2 passes')).toBeInTheDocument();
});

it('prints the nose’s depth above every neighbouring zone, so it is never painted over', async () => {
  const { user } = chart();
  await user.click(faceZone(/^Nose/));
  const labels = [...screen.getByRole('group', { name: 'Face map' }).querySelectorAll('text')];
  const nose = labels.find((t) => t.getAttribute('data-zone-label') === 'nose');
  expect(nose?.textContent).toBe('0.25 mm');
  // Labels come after every zone shape in the drawing (SVG paints in document order) and are not part of a button.
  const shapes = [...screen.getByRole('group', { name: 'Face map' }).querySelectorAll('[role="button"]')];
  expect(shapes.at(-1)?.compareDocumentPosition(nose as Node)).toBe(Node.DOCUMENT_POSITION_FOLLOWING);
  expect(nose?.closest('[role="button"]')).toBeNull();
});

it('shows a visible focus ring on the zone reached by keyboard, and opens it with Enter', async () => {
  const { user, lastZones } = chart();
  expect(screen.queryByTestId('zone-focus-ring')).not.toBeInTheDocument();
  await user.tab();
  expect(faceZone(/^Forehead/)).toHaveFocus();
  expect(faceZone(/^Forehead/)).toHaveAttribute('data-focus-ring', 'visible');
  expect(screen.getByTestId('zone-focus-ring')).toBeInTheDocument();
  await user.keyboard('{Enter}');
  expect(lastZones()).toEqual({ forehead: { depthMm: 0.25, passes: 2, overrideReason: '' } });
});

it('says what the booked appointment plans until a zone is charted, never “max 0 mm”', () => {
  renderWithProviders(<ZonesSection zones={{}} limits={CLINIC} onChange={jest.fn()} planned="medical" />);
  expect(screen.getByText('Medical needling · as booked, no zone charted yet')).toBeInTheDocument();
  expect(screen.queryByText(/max 0 mm/)).not.toBeInTheDocument();
});
