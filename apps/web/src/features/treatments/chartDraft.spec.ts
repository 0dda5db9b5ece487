import type { PreviousSessionChart } from './treatmentTypes';
import { EMPTY_CHART, repeatPatch, startingDepthMm, toPreflightBody, toStartBody, zoneEntries, zonesFrom, type ChartDraft } from './chartDraft';

const walkIn = { kind: 'walk-in', patientId: 'p-1', locationId: 'loc-1' } as const;
const booked = { kind: 'appointment', appointmentId: 'appt-1' } as const;

const chart = (changes: Partial<ChartDraft> = {}): ChartDraft => ({
  ...EMPTY_CHART,
  deviceId: 'pen-1',
  cartridgeProductId: 'cart-1',
  cartridgeLotId: 'lot-1',
  walkInReason: '  Booked by phone  ',
  zones: {
    cheeks: { depthMm: 1, passes: 3, overrideReason: '' },
    forehead: { depthMm: 0.75, passes: 2, overrideReason: '  thick skin ' },
  },
  ...changes,
});

describe('the depth a zone starts at when first tapped', () => {
  it('is the low end of the typical range, on the pen’s 0.25 mm steps', () => {
    expect(startingDepthMm('cheeks')).toBe(0.5);
    expect(startingDepthMm('forehead')).toBe(0.25);
    // Periorbital's typical 0.2 mm rounds up to the next pen step.
    expect(startingDepthMm('periorbital')).toBe(0.25);
  });

  it('never starts above the zone’s default maximum, and starts at 0.25 mm where no range is published', () => {
    expect(startingDepthMm('neck_decollete')).toBe(0.25);
    expect(startingDepthMm('stretch_marks')).toBe(1.5);
  });
});

describe('zones as the API takes them', () => {
  it('lists charted zones in charting order, with trimmed override reasons only where given', () => {
    expect(zoneEntries(chart().zones)).toEqual([
      { zone: 'forehead', depthMm: 0.75, passes: 2, overrideReason: 'thick skin' },
      { zone: 'cheeks', depthMm: 1, passes: 3 },
    ]);
  });

  it('is empty before any zone is charted', () => {
    expect(zoneEntries({})).toEqual([]);
  });
});

describe('the start-session body', () => {
  it('is not ready until both the pen and the cartridge lot are chosen', () => {
    expect(toStartBody(chart({ deviceId: null }), walkIn)).toBeNull();
    expect(toStartBody(chart({ cartridgeLotId: null }), walkIn)).toBeNull();
  });

  it('carries the walk-in patient, location and trimmed reason', () => {
    const body = toStartBody(chart(), walkIn);
    expect(body).toMatchObject({ patientId: 'p-1', locationId: 'loc-1', walkInReason: 'Booked by phone', deviceId: 'pen-1', cartridgeLotId: 'lot-1' });
  });

  it('names only the appointment for a booked visit', () => {
    const body = toStartBody(chart(), booked);
    expect(body).toMatchObject({ appointmentId: 'appt-1' });
    expect(body).not.toHaveProperty('walkInReason');
    expect(body).not.toHaveProperty('patientId');
  });

  it('keeps only acknowledgements with a reason, trimmed', () => {
    const body = toStartBody(chart({ acknowledgements: { isotretinoin_recent: '  stopped 8 months ago ', pregnancy: '   ' } }), walkIn);
    expect(body?.acknowledgements).toEqual([{ code: 'isotretinoin_recent', reason: 'stopped 8 months ago' }]);
  });

  it('sends no anaesthetic until a product is named, and drops blank optional fields', () => {
    expect(toStartBody(chart(), walkIn)?.anesthetic).toBeUndefined();
    const anesthetic = { product: ' Lidocaine 4% ', strength: '', lotNumber: ' L-22 ', area: '', appliedAt: '2026-03-02T10:00:00.000Z', removedAt: null };
    expect(toStartBody(chart({ anesthetic }), walkIn)?.anesthetic).toEqual({
      product: 'Lidocaine 4%',
      strength: undefined,
      lotNumber: 'L-22',
      area: undefined,
      appliedAt: '2026-03-02T10:00:00.000Z',
      removedAt: null,
    });
  });
});

describe('the preflight dry run', () => {
  it('leaves out notes and after-care so typing them does not re-run the checklist', () => {
    const body = toPreflightBody(chart({ notes: 'tolerated well', postCareGiven: true }), booked);
    expect(body?.notes).toBeUndefined();
    expect(body?.postCareGiven).toBeUndefined();
  });

  it('sends a stand-in walk-in reason, whatever is typed so far', () => {
    expect(toPreflightBody(chart({ walkInReason: 'Wal' }), walkIn)?.walkInReason).toBe('Walk-in (reason not yet given)');
  });

  it('tells the checks only which anaesthetic product is planned', () => {
    const anesthetic = { product: 'Lidocaine', strength: '4%', lotNumber: 'L-22', area: 'cheeks', appliedAt: null, removedAt: null };
    expect(toPreflightBody(chart({ anesthetic }), walkIn)?.anesthetic).toEqual({ product: 'Lidocaine' });
  });

  it('is not ready without pen and lot', () => {
    expect(toPreflightBody(chart({ deviceId: null }), walkIn)).toBeNull();
  });
});

describe('starting from a template or the last session', () => {
  it('copies zones, depths and passes, never an override reason (each session gives its own)', () => {
    expect(
      zonesFrom([
        { zone: 'cheeks', depthMm: 1.5, passes: 3 },
        { zone: 'elbow', depthMm: 0.5, passes: 1 },
      ]),
    ).toEqual({ cheeks: { depthMm: 1.5, passes: 3, overrideReason: '' } });
  });

  it('takes the pen and the FEFO lot only where the API offered them', () => {
    const previous: PreviousSessionChart = {
      sessionId: 's-1',
      performedOn: '2026-11-04',
      practitionerName: 'Dana Whitfield',
      zones: [{ zone: 'forehead', label: 'Forehead', depthMm: 0.5, passes: 2 }],
      deviceId: null,
      deviceLabel: 'SkinPen Precision · SP-1',
      cartridgeProductId: 'cart-1',
      cartridgeProductName: 'SkinPen cartridge',
      lot: { id: 'lot-fefo', lotNumber: 'CH1', expiresOn: '2027-01-01', onHand: 3 },
      notes: ['The pen used then (SkinPen Precision · SP-1) is out of service: choose another'],
    };
    expect(repeatPatch(previous)).toEqual({
      zones: { forehead: { depthMm: 0.5, passes: 2, overrideReason: '' } },
      cartridgeProductId: 'cart-1',
      cartridgeLotId: 'lot-fefo',
    });
    expect(repeatPatch({ ...previous, deviceId: 'pen-1', lot: null })).toEqual({ zones: { forehead: { depthMm: 0.5, passes: 2, overrideReason: '' } }, deviceId: 'pen-1' });
  });

  it('sends the indication when the session starts, but does not re-run the checklist for it', () => {
    expect(toStartBody(chart({ indication: 'acne_scars' }), walkIn)?.indication).toBe('acne_scars');
    expect(toPreflightBody(chart({ indication: 'acne_scars' }), walkIn)?.indication).toBeUndefined();
    expect(toStartBody(chart(), walkIn)).not.toHaveProperty('indication');
  });
});
