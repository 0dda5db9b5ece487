import { renderSessionRecordPdf } from './session-record-pdf';
import type { TreatmentSessionDto } from './treatment-sessions.dto';

const session: TreatmentSessionDto = {
  id: '6f1c0c8e-4a53-4b0e-9a43-7c0d3c1d2e01',
  patientId: '0b9f4f0e-1a2b-4c3d-8e9f-a0b1c2d3e4f5',
  patientName: 'Zofia Łukasiewicz-Щербакова',
  locationId: '1b9f4f0e-1a2b-4c3d-8e9f-a0b1c2d3e4f5',
  practitionerId: '2b9f4f0e-1a2b-4c3d-8e9f-a0b1c2d3e4f5',
  practitionerName: 'Dana Whitfield',
  appointmentId: null,
  procedureKind: 'medical',
  indication: 'acne_scars',
  maxDepthMm: 1.5,
  performedOn: '2026-12-02',
  startedAt: '2026-12-02T15:20:00.000Z',
  status: 'signed',
  signedAt: '2026-12-02T16:01:00.000Z',
  walkInReason: 'Follow-up',
  deviceId: '3b9f4f0e-1a2b-4c3d-8e9f-a0b1c2d3e4f5',
  deviceSerialNumber: 'SP-220417',
  deviceModel: 'SkinPen Precision',
  zones: [
    { zone: 'forehead', label: 'Forehead', depthMm: 0.5, passes: 2, overrideReason: null },
    { zone: 'cheeks', label: 'Cheeks', depthMm: 1.5, passes: 3, overrideReason: null },
  ],
  cartridges: [
    { movementId: 'm', lotId: 'l', lotNumber: 'CH58167', productName: 'SkinPen cartridge, 14 needles', expiresOn: '2027-06-20', quantity: 1, reason: null, recordedAt: '2026-12-02T15:21:00.000Z' },
  ],
  anesthetic: { product: 'Lidocaine cream', strength: '4%', lotNumber: 'LC2291', area: 'Full face', appliedAt: '2026-12-02T14:40:00.000Z', removedAt: '2026-12-02T15:15:00.000Z', minutesOnSkin: 35 },
  topicalProducts: [],
  technique: null,
  clinicalEndpoint: 'Uniform pinpoint bleeding',
  erythemaGrade: 2,
  postCareInstructions: 'text',
  notes: '',
  acknowledgements: [{ code: 'keloid_history', reason: 'No keloid in the area' }],
  preflightWarnings: [{ code: 'relative-contraindication', message: 'History of keloid scarring — acknowledged: No keloid in the area' }],
  photosPlanned: false,
  signedBy: '2b9f4f0e-1a2b-4c3d-8e9f-a0b1c2d3e4f5',
  recordHash: 'a'.repeat(64),
  addenda: [{ id: 'a', text: 'Stinging on the left cheek.', authorId: 'x', authorName: 'Dana Whitfield', createdAt: '2026-12-02T16:30:00.000Z' }],
};

describe('the session record PDF', () => {
  it('renders a PDF with the fonts embedded, whatever the script of the names', async () => {
    const pdf = await renderSessionRecordPdf({
      session,
      organizationName: 'Harbour Skin Clinic',
      patientMrn: 'SL-000001',
      patientDateOfBirth: '1988-04-12',
      locationName: 'Harbour Street',
      timeZone: 'America/New_York',
      generatedAt: new Date('2026-12-03T10:00:00Z'),
    });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const raw = pdf.toString('latin1');
    expect(raw).toMatch(/\/FontFile2/);
    expect(raw).not.toMatch(/\/BaseFont \/Helvetica/);
  });
});
