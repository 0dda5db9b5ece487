import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { TreatmentIndication } from '@skinledger/domain';
import { useState } from 'react';
import { EMPTY_CHART, type ChartDraft } from '@web/features/treatments/chartDraft';
import type { PreviousSessionChart, TreatmentTemplate } from '@web/features/treatments/treatmentTypes';
import { renderWithProviders } from '@web-test/renderWithProviders';
import { ChartStartBar } from './ChartStartBar';
import { ZonesSection } from './ZonesSection';

const template = (overrides: Partial<TreatmentTemplate>): TreatmentTemplate => ({
  id: 'template-1',
  name: 'Acne scars, full face',
  indication: 'acne_scars',
  indicationLabel: 'Acne scars',
  notes: '',
  zones: [
    { zone: 'forehead', label: 'Forehead', depthMm: 0.5, passes: 2 },
    { zone: 'cheeks', label: 'Cheeks', depthMm: 1.5, passes: 3 },
  ],
  findings: [],
  updatedAt: '2026-12-01T15:00:00Z',
  updatedByName: 'Dana Whitfield',
  ...overrides,
});
const TEMPLATES = [template({}), template({ id: 'template-2', name: 'Fine lines, forehead', indication: 'fine_lines', indicationLabel: 'Fine lines and wrinkles', zones: [{ zone: 'forehead', label: 'Forehead', depthMm: 0.25, passes: 2 }] })];

const PREVIOUS: PreviousSessionChart = {
  sessionId: 'session-1',
  performedOn: '2026-11-04',
  practitionerName: 'Dana Whitfield',
  zones: [{ zone: 'cheeks', label: 'Cheeks', depthMm: 1.25, passes: 4 }],
  deviceId: 'pen-1',
  deviceLabel: 'SkinPen Precision · SP-220417',
  cartridgeProductId: 'cartridge-1',
  cartridgeProductName: 'SkinPen cartridge, 14 needles',
  lot: { id: 'lot-fefo', lotNumber: 'CH58167', expiresOn: '2027-01-20', onHand: 4 },
  notes: [],
};

/** The charting screen's draft, with the bar and the face map, as the page wires them. */
function Chart({ onRepeat, onDraft }: { onRepeat: (indication: TreatmentIndication) => Promise<{ previous: PreviousSessionChart | null }>; onDraft: (d: ChartDraft) => void }) {
  const [draft, setDraft] = useState<ChartDraft>({ ...EMPTY_CHART, deviceId: 'pen-0', cartridgeProductId: 'cartridge-0', cartridgeLotId: 'lot-0' });
  const patch = (change: Partial<ChartDraft>) =>
    setDraft((current) => {
      const next = { ...current, ...change };
      onDraft(next);
      return next;
    });
  return (
    <>
      <ChartStartBar indication={draft.indication} templates={TEMPLATES} templatesLoading={false} onChange={patch} onRepeat={onRepeat} repeating={false} />
      <ZonesSection zones={draft.zones} limits={{ zoneMaxMm: { cheeks: 1.25 }, practitionerMaxDepthMm: 2.5 }} onChange={(zones) => patch({ zones })} />
    </>
  );
}

function chart(onRepeat = jest.fn()) {
  const onDraft = jest.fn();
  renderWithProviders(<Chart onRepeat={onRepeat} onDraft={onDraft} />);
  return { user: userEvent.setup(), lastDraft: (): ChartDraft => onDraft.mock.calls.at(-1)?.[0], onRepeat };
}
const faceZone = (name: RegExp) => within(screen.getByRole('group', { name: 'Face map' })).getByRole('button', { name });

it('applies a template of the indication: its zones go on the face map, and a depth above today’s maximum shows red', async () => {
  const { user, lastDraft } = chart();
  await user.click(screen.getByRole('textbox', { name: 'Indication' }));
  await user.click(screen.getByRole('option', { name: 'Acne scars' }));
  await user.click(screen.getByRole('textbox', { name: 'Template' }));
  // Only the indication's templates are offered.
  expect(screen.queryByRole('option', { name: /Fine lines/ })).not.toBeInTheDocument();
  await user.click(screen.getByRole('option', { name: 'Acne scars, full face' }));
  await user.click(screen.getByRole('button', { name: 'Apply template' }));

  expect(lastDraft()).toMatchObject({
    indication: 'acne_scars',
    zones: { forehead: { depthMm: 0.5, passes: 2, overrideReason: '' }, cheeks: { depthMm: 1.5, passes: 3, overrideReason: '' } },
  });
  expect(screen.getByRole('status')).toHaveTextContent('Applied “Acne scars, full face”: Forehead 0.5 mm ×2, Cheeks 1.5 mm ×3.');
  // The clinic lowered the cheeks to 1.25 mm since: no override reason comes with a template, so the zone blocks.
  expect(faceZone(/^Cheeks: 1.5 mm, 3 passes, blocks the session/)).toHaveAttribute('data-tone', 'blocked');
  expect(faceZone(/^Forehead: 0.5 mm, 2 passes, within limits/)).toHaveAttribute('data-tone', 'ok');
});

it('starts from the last session of the indication: zones, depths, passes, the pen and the FEFO lot', async () => {
  const onRepeat = jest.fn().mockResolvedValue({ previous: PREVIOUS });
  const { user, lastDraft } = chart(onRepeat);
  expect(screen.getByRole('button', { name: 'Start from last session' })).toBeDisabled();
  await user.click(screen.getByRole('textbox', { name: 'Indication' }));
  await user.click(screen.getByRole('option', { name: 'Acne scars' }));
  await user.click(screen.getByRole('button', { name: 'Start from last session' }));

  expect(onRepeat).toHaveBeenCalledWith('acne_scars');
  expect(lastDraft()).toMatchObject({
    indication: 'acne_scars',
    zones: { cheeks: { depthMm: 1.25, passes: 4, overrideReason: '' } },
    deviceId: 'pen-1',
    cartridgeProductId: 'cartridge-1',
    cartridgeLotId: 'lot-fefo',
  });
  expect(await screen.findByText(/Started from the session of Nov 4, 2026 by Dana Whitfield: Cheeks 1.25 mm ×4, pen SkinPen Precision · SP-220417, lot CH58167/)).toBeInTheDocument();
  expect(faceZone(/^Cheeks: 1.25 mm, 4 passes/)).toBeInTheDocument();
});

it('says so when there is no earlier session, and keeps the chart as it was', async () => {
  const { user, lastDraft } = chart(jest.fn().mockResolvedValue({ previous: null }));
  await user.click(screen.getByRole('textbox', { name: 'Indication' }));
  await user.click(screen.getByRole('option', { name: 'Stretch marks' }));
  await user.click(screen.getByRole('button', { name: 'Start from last session' }));
  expect(await screen.findByText('No signed session of Stretch marks for this patient yet.')).toBeInTheDocument();
  expect(lastDraft()).toMatchObject({ indication: 'stretch_marks', zones: {}, cartridgeLotId: 'lot-0' });
});
