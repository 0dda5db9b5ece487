import { AUDIT_ACTIONS, readable, type AuditAction } from '@skinledger/domain';
import { auditDetails } from './audit-details';
import { AUDIT_SENTENCES, auditSentence, type RecordLabel } from './audit-sentences';

/**
 * Every audited action has its sentence (the Record type makes it compile only then; this writes each one): names and
 * local times, never an id, an ISO time or an action code.
 */
const ZONE = 'America/New_York';
const ids = {
  actor: '0b0f6c9e-1d2a-4f4e-9a51-8d7f6a1c2b31',
  staff: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
  patient: '2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f60',
  appointment: '3e4f5a6b-7c8d-4e9f-8a1b-2c3d4e5f6071',
  location: '4f5a6b7c-8d9e-4f0a-9b2c-3d4e5f607182',
  other: '5a6b7c8d-9e0f-4a1b-8c3d-4e5f60718293',
  lot: '6b7c8d9e-0f1a-4b2c-9d4e-5f6071829304',
  device: '7c8d9e0f-1a2b-4c3d-8e5f-607182930415',
  consent: '8d9e0f1a-2b3c-4d4e-9f60-718293041526',
  session: '9e0f1a2b-3c4d-4e5f-8071-829304152637',
  plan: 'a0f1a2b3-c4d5-4e6f-9182-930415263748',
  product: 'b1a2b3c4-d5e6-4f70-8293-041526374859',
  recall: 'c2b3c4d5-e6f7-4081-9304-15263748596a',
  template: 'd3c4d5e6-f708-4192-8415-263748596a7b',
  room: 'e4d5e6f7-0819-42a3-9526-3748596a7b8c',
  service: 'f5e6f708-192a-43b4-8637-48596a7b8c9d',
  organization: '06f70819-2a3b-44c5-9748-596a7b8c9dae',
  waitlist: '17081920-3a4b-45c6-8859-6a7b8c9daebf',
  treatmentTemplate: '28192031-4b5c-46d7-996a-7b8c9daebfc0',
};

const labels: Record<string, RecordLabel> = {
  [ids.actor]: label('staff_member', 'Dana Whitfield'),
  [ids.staff]: label('staff_member', 'Samuel Osei'),
  [ids.patient]: label('patient', 'Jordan Avery', { detail: 'MRN-000042' }),
  [ids.appointment]: label('appointment', 'Medical needling', { patient: 'Jordan Avery', staff: 'Samuel Osei', at: '2026-12-03T15:30:00.000Z', location: 'Harbour Street', timeZone: ZONE }),
  [ids.location]: label('location', 'Harbour Street', { location: 'Harbour Street', timeZone: ZONE }),
  [ids.other]: label('location', 'Brooklyn Heights', { location: 'Brooklyn Heights', timeZone: ZONE }),
  [ids.lot]: label('lot', 'LOT42A', { detail: 'SkinPen cartridge 14-pin' }),
  [ids.device]: label('device', 'SP-0001', { detail: 'SkinPen Precision', location: 'Harbour Street', timeZone: ZONE }),
  [ids.consent]: label('consent', 'Consent to medical needling', { patient: 'Jordan Avery', at: '2026-12-01T14:00:00.000Z' }),
  [ids.session]: label('treatment_session', 'medical', { patient: 'Jordan Avery', staff: 'Samuel Osei', at: '2026-12-03T15:40:00.000Z', timeZone: ZONE }),
  [ids.plan]: label('treatment_plan', 'Medical needling', { detail: '3 sessions', patient: 'Jordan Avery' }),
  [ids.product]: label('product', 'SkinPen cartridge 14-pin', { detail: 'Crown Aesthetics' }),
  [ids.recall]: label('recall', 'SkinPen cartridge 14-pin', { detail: 'class II' }),
  [ids.template]: label('consent_template', 'Consent to medical needling'),
  [ids.room]: label('room', 'Room 1', { location: 'Harbour Street', timeZone: ZONE }),
  [ids.service]: label('service', 'Medical needling'),
  [ids.organization]: label('organization', 'Harbour Skin Clinic'),
  [ids.waitlist]: label('waitlist_entry', 'Medical needling', { detail: '2026-12-07/2027-01-04', patient: 'Jordan Avery', location: 'Harbour Street', timeZone: ZONE }),
  [ids.treatmentTemplate]: label('treatment_template', 'Acne scars, full face', { detail: 'acne_scars' }),
};

function label(kind: string, name: string, extra: Partial<RecordLabel> = {}): RecordLabel {
  return { kind, label: name, detail: null, at: null, patient: null, staff: null, location: null, timeZone: null, ...extra };
}

/** The entity each action is recorded on, and typical changes (as the services write them). */
function eventOf(action: AuditAction): { entityType: string; entityId: string | null; changes: Record<string, { from?: unknown; to?: unknown }> | null } {
  const [area] = action.split('.');
  const on = (entityType: string, entityId: string | null, changes: Record<string, { from?: unknown; to?: unknown }> | null = null) => ({ entityType, entityId, changes });
  switch (area) {
    case 'auth':
    case 'staff':
    case 'calendar_feed':
    case 'working_hours':
    case 'time_off':
    case 'extra_hours':
    case 'hours_exception':
      return on('staff_member', ids.staff, {
        role: { to: 'nurse' },
        locationId: { to: ids.location },
        startsAt: { to: '2026-12-24T14:00:00.000Z' },
        endsAt: { to: '2026-12-24T22:00:00.000Z' },
        reason: { to: 'holiday' },
        sessionsEnded: { to: 2 },
      });
    case 'organization':
    case 'settings':
    case 'audit':
    case 'patients':
      return on('organization', ids.organization, { intact: { to: true }, checked: { to: 1200 }, reminderHoursBefore: { from: 24, to: 48 }, created: { to: 3 }, rows: { to: 4 }, resultCount: { to: 5 } });
    case 'location':
      return on('location', ids.location, { phone: { from: '+17185551010', to: '+17185551141' } });
    case 'waitlist_entry':
      return on('waitlist_entry', ids.waitlist, { status: { from: 'waiting', to: 'removed' }, reason: { to: 'booked elsewhere' }, appointmentId: { to: ids.appointment } });
    case 'treatment_template':
      return on('treatment_template', ids.treatmentTemplate, { name: { from: 'Acne scars, full face' } });
    case 'appointments':
    case 'patient':
    case 'consents':
    case 'treatment':
    case 'treatment_sessions':
    case 'adverse_events':
    case 'photos':
    case 'assessment':
    case 'assessments':
      return on('patient', ids.patient, { sessionId: { to: ids.session }, procedure: { to: 'medical' }, on: { to: '2026-12-03' }, eligible: { to: false }, mrn: { to: 'MRN-000042' } });
    case 'service':
      return on('service', ids.service, { durationMin: { from: 45, to: 60 } });
    case 'room':
      return on('room', ids.room, { locationId: { to: ids.location } });
    case 'online_booking':
      return on('appointment', ids.appointment, { holdId: { to: 'f0000000-0000-4000-8000-000000000002' }, wrongCodes: { from: 1, to: 2 }, endedBecause: { to: 'wrong_codes' } });
    case 'appointment':
      return on('appointment', ids.appointment, {
        status: { from: 'booked', to: 'cancelled' },
        cancelReason: { to: 'ill' },
        startsAt: { from: '2026-12-02T15:30:00.000Z', to: '2026-12-03T15:30:00.000Z' },
        practitionerId: { to: ids.staff },
      });
    case 'treatment_plan':
      return on('treatment_plan', ids.plan, { patientId: { to: ids.patient } });
    case 'consent_template':
      return on('consent_template', ids.template, { approvedVersion: { from: 1, to: 2 }, requiresReconsent: { to: true } });
    case 'consent':
      return on('consent', ids.consent, { signerName: { to: 'Jordan Avery' }, reason: { to: 'changed mind' }, wasSigned: { to: true }, intact: { to: true } });
    case 'photo':
      if (action === 'photo.viewed') return on('patient', ids.patient, { sessionId: { to: ids.session } });
      return on('treatment_session', ids.session, { phase: { to: 'before' } });
    case 'treatment_session':
      if (action === 'treatment_session.pdf_downloaded' || action === 'treatment_session.repeat_read') return on('patient', ids.patient, { sessionId: { to: ids.session } });
      return on('treatment_session', ids.session, { patientId: { to: ids.patient }, deviceId: { to: ids.device } });
    case 'adverse_event':
      return on('treatment_session', ids.session, { patientId: { to: ids.patient }, deviceId: { to: ids.device }, type: { to: 'erythema' }, phase: { to: 'before' } });
    case 'exposure':
      return on('lot', ids.lot, { sessionCount: { to: 3 } });
    case 'product':
      return on('product', ids.product, { name: { to: 'SkinPen cartridge 14-pin' } });
    case 'lot':
    case 'stock':
      return on('lot', ids.lot, {
        movementId: { to: 'f0000000-0000-4000-8000-000000000001' },
        locationId: { to: ids.location },
        counterpartLocationId: { to: ids.other },
        quantity: { to: 20 },
        delta: { to: -2 },
        reason: { to: 'dropped on the floor' },
        productId: { to: ids.product },
        expiresOn: { to: '2027-03-31' },
      });
    case 'recall':
      return on('recall', ids.recall, { recallClass: { to: 'II' } });
    case 'device':
      return on('device', ids.device, { statusReason: { to: 'tip cracked' }, kind: { to: 'calibration' }, locationId: { to: ids.location } });
    default:
      return on('organization', ids.organization);
  }
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const ISO = /\d{4}-\d{2}-\d{2}/;
const CODE = /\b[a-z]+_?[a-z]*\.[a-z_]+\b/;

function sentenceOf(action: AuditAction, locale: 'en-US' | 'en-GB' = 'en-US', actorName: string | null = 'Dana Whitfield'): string {
  const event = eventOf(action);
  return auditSentence({
    action,
    actorName,
    ...event,
    label: (id) => (typeof id === 'string' ? labels[id] : undefined),
    words: readable(locale),
    timeZone: ZONE,
  });
}

describe('audit sentences', () => {
  it('has a sentence for every audited action, and none for anything else', () => {
    expect(Object.keys(AUDIT_SENTENCES).sort()).toEqual([...AUDIT_ACTIONS].sort());
  });

  it.each(AUDIT_ACTIONS.map((a) => [a]))('%s reads as a sentence of names and local times', (action) => {
    const sentence = sentenceOf(action);
    expect(sentence).toMatch(/^[A-Z]/);
    expect(sentence).not.toMatch(UUID);
    expect(sentence).not.toMatch(ISO);
    expect(sentence).not.toMatch(CODE);
    expect(sentence).not.toMatch(/undefined|null|\[object|NaN/);
    expect(sentence).not.toContain(action);
    // Someone is named: the actor, the patient, the staff member, or the signer.
    expect(sentence).toMatch(/Dana Whitfield|Jordan Avery|Samuel Osei/);
  });

  it('says who did what to whose appointment, when, and why', () => {
    expect(sentenceOf('appointment.cancelled')).toBe("Dana Whitfield cancelled Jordan Avery's appointment of Dec 3, 2026, 10:30 AM (Medical needling); reason: ill");
    const late = auditSentence({
      action: 'appointment.cancelled',
      actorName: 'Dana Whitfield',
      entityType: 'appointment',
      entityId: ids.appointment,
      changes: { cancelReason: { to: 'ill' }, cancelledBy: { to: 'patient' }, lateCancellation: { to: true } },
      label: (id) => (typeof id === 'string' ? labels[id] : undefined),
      words: readable('en-US'),
      timeZone: ZONE,
    });
    expect(late).toBe("Dana Whitfield cancelled Jordan Avery's appointment of Dec 3, 2026, 10:30 AM (Medical needling) for the patient (late cancellation); reason: ill");
    expect(sentenceOf('appointment.cancelled', 'en-GB')).toBe("Dana Whitfield cancelled Jordan Avery's appointment of 3 Dec 2026, 10:30 (Medical needling); reason: ill");
    expect(sentenceOf('appointment.booked')).toBe("Dana Whitfield booked Jordan Avery's appointment of Dec 3, 2026, 10:30 AM (Medical needling) with Samuel Osei");
  });

  it('names lots, locations and quantities in stock movements', () => {
    expect(sentenceOf('stock.received')).toBe('Dana Whitfield received 20 units of lot LOT42A of SkinPen cartridge 14-pin at Harbour Street');
    expect(sentenceOf('stock.transferred')).toBe('Dana Whitfield moved 20 units of lot LOT42A of SkinPen cartridge 14-pin out of Harbour Street to Brooklyn Heights');
    expect(sentenceOf('stock.adjusted')).toContain('by -2; reason: dropped on the floor');
  });

  it('writes sign-in events in words, never as auth codes', () => {
    expect(sentenceOf('auth.login')).toBe('Dana Whitfield signed in');
    expect(sentenceOf('auth.login_failed', 'en-US', 'Samuel Osei')).toBe('A sign-in as Samuel Osei failed (holiday)');
    expect(sentenceOf('auth.logout', 'en-US', null)).toBe('Someone signed out');
  });

  it('spells in the clinic’s variant', () => {
    expect(sentenceOf('staff.mfa_reset')).toContain('two-step sign-in');
    const licence = auditSentence({
      action: 'treatment_session.started',
      actorName: 'Dana Whitfield',
      entityType: 'treatment_session',
      entityId: ids.session,
      changes: null,
      label: (id) => (typeof id === 'string' ? labels[id] : undefined),
      words: readable('en-GB'),
      timeZone: ZONE,
    });
    expect(licence).toBe("Dana Whitfield started Jordan Avery's medical needling session of 3 Dec 2026, 10:40");
  });

  it('reads an action this build does not know as words, not as its code', () => {
    const sentence = auditSentence({ action: 'waitlist.offered', actorName: 'Dana Whitfield', entityType: 'x', entityId: null, changes: null, label: () => undefined, words: readable('en-US'), timeZone: ZONE });
    expect(sentence).toBe('Dana Whitfield: waitlist offered');
  });
});

describe('audit details (changed fields in words)', () => {
  const context = { label: (id: unknown) => (typeof id === 'string' ? labels[id] : undefined), words: readable('en-US'), timeZone: ZONE };

  it('names ids, writes local times and leaves out ids nobody reads', () => {
    const lines = auditDetails(eventOf('stock.transferred').changes, context);
    expect(lines).toEqual([
      { field: 'location', to: 'Harbour Street' },
      { field: 'other location', to: 'Brooklyn Heights' },
      { field: 'quantity', to: '20' },
      { field: 'change on hand', to: '-2' },
      { field: 'reason', to: 'dropped on the floor' },
      { field: 'product', to: 'SkinPen cartridge 14-pin' },
      { field: 'expires', to: 'Mar 31, 2027' },
    ]);
  });

  it('writes times of day in the zone and words for codes', () => {
    const lines = auditDetails(eventOf('appointment.rescheduled').changes, context);
    expect(lines).toContainEqual({ field: 'status', from: 'booked', to: 'cancelled' });
    expect(lines).toContainEqual({ field: 'starts', from: 'Dec 2, 2026, 10:30 AM', to: 'Dec 3, 2026, 10:30 AM' });
    expect(lines).toContainEqual({ field: 'practitioner', to: 'Samuel Osei' });
    for (const line of lines) expect(`${line.from ?? ''} ${line.to ?? ''}`).not.toMatch(UUID);
  });

  it('writes dates and licence types inside recorded text for people', () => {
    expect(auditDetails({ credentials: { to: ['registered_nurse RN-100200 (NY) expires 2099-12-31'] } }, context)).toEqual([
      { field: 'credentials', to: 'Registered nurse RN-100200 (NY) expires Dec 31, 2099' },
    ]);
  });

  it('writes working hours, phones and empty fields for people', () => {
    expect(
      auditDetails(
        { blocks: { from: [], to: [{ weekday: 1, startsAt: '09:00', endsAt: '17:30' }] }, phone: { to: '+19175550199' }, email: { to: null }, notes: { from: 'x', to: null } },
        context,
      ),
    ).toEqual([
      { field: 'blocks', from: 'none', to: 'Mon 9:00 AM – 5:30 PM' },
      { field: 'phone', to: '+1 917 555 0199' },
      { field: 'notes', from: 'x', to: 'none' },
    ]);
  });

  it('never shows an id it cannot name', () => {
    expect(auditDetails({ locationId: { to: '99999999-9999-4999-8999-999999999999' }, roomId: { to: ids.room } }, context)).toEqual([{ field: 'room', to: 'Room 1' }]);
  });
});
