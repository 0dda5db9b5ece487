/**
 * Who owns each table, and which read models a module publishes for another (issue 12: "a module owns its tables").
 *
 * A module's SQL — in its own `*.queries.ts` / `*.repository.ts` files — names only its own tables and the views
 * published to it; its entities are its own. Every other read goes through what the owner exports (a service, an
 * injection token such as `@TimelineSource()`, or a view below). `test/table-ownership.spec.ts` holds the code to this.
 *
 * The module is the folder under apps/api/src. The migrations that create the tables sit together in
 * database/migrations (one ordered list), each table in the owner's migration.
 */
export const TABLE_OWNERS = {
  organizations: ['organizations', 'locations'],
  staff: ['staff_members', 'practitioner_credentials'],
  auth: ['auth_sessions', 'login_failures', 'mfa_pending_logins', 'staff_totp_authenticators', 'staff_mfa_recovery_codes'],
  audit: ['audit_events', 'audit_chain_heads'],
  // patient_search_names: each clinic's distinct folded names, kept by triggers on patients, for close-name search.
  // A view of its own timeline rows (read with the published timeline views in one statement).
  patients: [
    'patients',
    'patient_medical_histories',
    'patient_mrn_counters',
    'medical_history_timeline_rows',
    'patient_search_names',
    // Issue 16: pairs found when an online booking created a record, until dismissed or merged.
    'patient_possible_duplicates',
  ],
  // cartridge_ledger_days: the ledger summed per day for the cartridges report, kept by a trigger on the ledger.
  inventory: ['products', 'lots', 'stock_movements', 'stock_balances', 'devices', 'device_service_events', 'recalls', 'recall_lots', 'cartridge_ledger_days'],
  consents: ['consent_templates', 'consent_template_versions', 'consent_records', 'consent_template_seeds'],
  scheduling: [
    'services',
    'rooms',
    'working_hours',
    'working_hours_exceptions',
    'appointments',
    'treatment_plans',
    'treatment_plan_sessions',
    'calendar_feeds',
    // The waitlist (issue 13): entries, the slots cancellations/no-shows/reschedules freed, offers made from them.
    'waitlist_entries',
    'freed_slots',
    'waitlist_offers',
    // Appointments counted per day, kept by triggers on appointments (issue 17: the appointments report).
    'appointment_day_counts',
  ],
  treatments: [
    'treatment_sessions',
    'treatment_session_zones',
    'treatment_session_addenda',
    'treatment_session_photos',
    'adverse_events',
    'outcome_assessments',
    'treatment_templates',
    'treatment_template_zones',
    // A view for its own exposure reports (not published to anyone).
    'session_exposure',
    // Every refused session start with the preflight's reasons (issue 17: the safety report).
    'preflight_refusals',
    // Summaries kept by triggers as assessments are recorded and sessions signed (issue 17: outcomes and safety reports).
    'course_outcome_summaries',
    'course_depth_summaries',
    'signed_session_lot_days',
  ],
  messaging: ['outbound_messages'],
  'online-booking': ['online_booking_holds', 'online_booking_manage_tokens'],
  common: ['idempotency_keys'],
  database: ['schema_migrations'],
} as const satisfies Record<string, readonly string[]>;

export type OwningModule = keyof typeof TABLE_OWNERS;

/**
 * Views a module creates in its migration as the read contract for the modules named in `readers`. The owner may
 * change its tables freely as long as the view keeps its columns.
 */
export const PUBLISHED_VIEWS: readonly { view: string; owner: OwningModule; readers: readonly string[] | '*'; purpose: string }[] = [
  { view: 'organization_directory', owner: 'organizations', readers: '*', purpose: "the clinic's name" },
  { view: 'location_directory', owner: 'organizations', readers: '*', purpose: 'location names, addresses and IANA time zones' },
  { view: 'location_coordinates', owner: 'organizations', readers: ['online-booking'], purpose: "where a location is (WGS 84), for the booking page's distance sort" },
  { view: 'staff_directory', owner: 'staff', readers: '*', purpose: 'staff names and roles (no e-mail, no password hash)' },
  { view: 'practitioner_licences', owner: 'staff', readers: '*', purpose: 'licence type, jurisdiction and expiry per practitioner (no numbers)' },
  { view: 'patient_directory', owner: 'patients', readers: '*', purpose: 'patient identity and contact for lists, reminders and recall reports' },
  { view: 'patient_identity_checks', owner: 'patients', readers: ['scheduling'], purpose: 'whether a self-registered patient still needs her identity verified (calendar, check-in)' },
  // Whose record it is, for the patient's access log (audit) and the outbox list (messaging).
  { view: 'consent_record_patients', owner: 'consents', readers: ['audit'], purpose: 'the patient each consent record belongs to' },
  { view: 'treatment_session_patients', owner: 'treatments', readers: ['audit'], purpose: 'the patient each treatment session belongs to' },
  { view: 'appointment_patients', owner: 'scheduling', readers: ['audit', 'messaging'], purpose: 'the patient each appointment belongs to' },
  { view: 'waitlist_entry_patients', owner: 'scheduling', readers: ['audit'], purpose: 'the patient each waitlist entry belongs to' },
  // What a reminder or notice says.
  { view: 'appointment_reminder_details', owner: 'scheduling', readers: ['messaging'], purpose: "an appointment's patient, location, start, end, status and service name, with its iCalendar sequence and last change" },
  { view: 'waitlist_offer_details', owner: 'scheduling', readers: ['messaging'], purpose: "a waitlist offer's patient, place, practitioner, start and service name" },
  { view: 'organization_reminder_settings', owner: 'organizations', readers: ['messaging'], purpose: "the clinic's reminder lead time in hours (null: the server default)" },
  { view: 'organization_treatment_settings', owner: 'organizations', readers: ['treatments'], purpose: "the clinic's stored treatment settings (null: the defaults), for the preflight's one read" },
  // Public online booking (issue 16): what the booking pages offer, read after the slug set the clinic as tenant.
  { view: 'online_bookable_services', owner: 'scheduling', readers: ['online-booking'], purpose: 'the active services open for online booking, with who may book them and their description' },
  { view: 'practitioner_work_locations', owner: 'scheduling', readers: ['online-booking'], purpose: 'which locations each practitioner works at (weekly or extra hours)' },
  { view: 'organization_screening_settings', owner: 'organizations', readers: ['patients'], purpose: "the clinic's screening overrides (null: the defaults), for the eligibility check" },
  {
    view: 'appointment_treatment_context',
    owner: 'scheduling',
    readers: ['treatments'],
    purpose: "what a treatment needs of its appointment: patient, place, practitioner, status, course, the service's needling, consent kinds and medical interval",
  },
  {
    view: 'appointment_consent_context',
    owner: 'scheduling',
    readers: ['consents', 'online-booking', 'reports'],
    purpose:
      "what a visit's consent bundle needs of its appointment: patient, practitioner, place, status, start, the service's name, needling and consent kinds; and the pre-visit forms of the manage link (online-booking)",
  },
  { view: 'treatment_session_seals', owner: 'audit', readers: ['treatments'], purpose: "the record hash sealed in each session's HMAC-chained signing event, for the session record" },
  // Each timeline source's rows: the patient's timeline reads them all in one statement (issue 15).
  { view: 'patient_record_timeline_rows', owner: 'audit', readers: ['patients'], purpose: "the patient record's registration, edits, archiving and restoring with who did it" },
  { view: 'patient_audit_trail_rows', owner: 'audit', readers: ['patients'], purpose: "every audit event about a patient record with who did it, for the patient export's access log" },
  { view: 'appointment_timeline_rows', owner: 'scheduling', readers: ['patients'], purpose: "a patient's appointments with service, practitioner, place and the clinic's locale" },
  { view: 'treatment_session_timeline_rows', owner: 'treatments', readers: ['patients'], purpose: "a patient's sessions with practitioner and the zones charted" },
  { view: 'session_addendum_timeline_rows', owner: 'treatments', readers: ['patients'], purpose: "addenda to a patient's session records with their author" },
  { view: 'adverse_event_timeline_rows', owner: 'treatments', readers: ['patients'], purpose: "a patient's adverse events with who recorded them and the clinic's locale" },
  { view: 'consent_timeline_rows', owner: 'consents', readers: ['patients'], purpose: "a patient's consents signed, witnessed and revoked, with the staff involved" },
  { view: 'treatment_course_directory', owner: 'scheduling', readers: ['treatments', 'audit'], purpose: "a treatment course's patient and status, for outcome assessments and the patient's access log" },
  { view: 'medical_session_history', owner: 'treatments', readers: ['scheduling'], purpose: "a patient's medical needling sessions by date, for the medical interval at booking" },
  { view: 'lot_directory', owner: 'inventory', readers: ['treatments', 'reports'], purpose: "a lot's number, expiry, hold status and product, for the preflight and exposure reports" },
  { view: 'device_directory', owner: 'inventory', readers: ['treatments', 'reports'], purpose: "a pen handpiece's serial, model, status and location, for the preflight and the session record" },
  { view: 'usable_lot_stock', owner: 'inventory', readers: ['treatments'], purpose: "each lot usable at a location today (available, unexpired there, on hand) with its product, number and expiry, for the lot to start from" },
  {
    view: 'session_cartridge_uses',
    owner: 'inventory',
    readers: ['treatments', 'reports'],
    purpose: "the cartridges each treatment session used (the ledger's used movements with lot and product)",
  },
  {
    view: 'signed_consent_validity',
    owner: 'consents',
    readers: ['scheduling', 'treatments', 'reports'],
    purpose:
      "a patient's signed consents with what their validity depends on (kind, signed, revoked, validity days and zone, template and re-consent versions), for check-in and the appointment's preflight; and, for check-in's \"signed remotely\", title, appointment, signed remotely, witnessed and whether the form asks a witness",
  },
  {
    view: 'visit_consent_forms',
    owner: 'consents',
    readers: ['online-booking'],
    // consents reads it too (PreVisitConsentsService.ofVisit): one definition of which forms a patient sees.
    purpose: "a visit's consents as its patient reads and signs them through the manage link (text, acknowledgements, practitioner, signature and witness state), for the pre-visit forms",
  },
  {
    view: 'patient_screening_facts',
    owner: 'patients',
    readers: ['treatments', 'scheduling', 'online-booking', 'reports'],
    purpose:
      "what screening a patient needs (phototype, allergies, archived, the latest medical history and who recorded it, the clinic's screening overrides), for the appointment's preflight and check-in's \"patient-reported history to review\"",
  },
  // A record's audit events with what checking their chain MACs needs (a consent's verification and certificate page).
  {
    view: 'audit_entity_chain',
    owner: 'audit',
    readers: ['consents'],
    purpose: "a record's audit events (action, time, actor, IP, changes) with the event's MAC, its canonical content and the previous event's MAC",
  },
  // What each record is called, for the audit log's sentences (one statement resolves a page's ids).
  { view: 'scheduling_record_labels', owner: 'scheduling', readers: ['audit'], purpose: 'appointments, rooms, services, courses and waitlist entries by name, with patient, practitioner, place and time' },
  { view: 'inventory_record_labels', owner: 'inventory', readers: ['audit'], purpose: 'products, lots, pens and recalls by name, number or serial' },
  { view: 'consent_record_labels', owner: 'consents', readers: ['audit'], purpose: 'consent records (title, patient) and templates by title' },
  { view: 'treatment_record_labels', owner: 'treatments', readers: ['audit'], purpose: 'treatment sessions with patient, practitioner, place and start, and treatment templates by name' },
  // The clinic reports (issue 17): aggregates over what each module publishes.
  { view: 'course_session_facts', owner: 'treatments', readers: ['reports'], purpose: "signed sessions with their course (from the appointment), place, practitioner, pen, deepest depth, indication and date" },
  { view: 'course_outcome_scores', owner: 'treatments', readers: ['reports'], purpose: 'outcome scores with their patient, course, scale and date, for improvement by depth' },
  { view: 'cartridge_ledger_facts', owner: 'inventory', readers: ['reports'], purpose: "the stock ledger's needle-cartridge movements with lot, expiry, product, waste reason, session and recorder" },
  { view: 'appointment_report_facts', owner: 'scheduling', readers: ['reports'], purpose: "appointments (no online holds) with service and room names, the location's zone, status, late cancellation and source" },
  { view: 'practitioner_weekly_hours', owner: 'scheduling', readers: ['reports'], purpose: "practitioners' weekly working blocks per location" },
  { view: 'practitioner_hours_exceptions', owner: 'scheduling', readers: ['reports'], purpose: "practitioners' dated time off and extra hours" },
  { view: 'adverse_event_facts', owner: 'treatments', readers: ['reports'], purpose: "adverse events by type with their session's date, deepest depth, pen, place and practitioner" },
  { view: 'treatment_override_facts', owner: 'treatments', readers: ['reports'], purpose: 'relative contraindications acknowledged and zones treated past the maximum, with the reason given, per signed session' },
  { view: 'consent_signing_facts', owner: 'consents', readers: ['reports'], purpose: 'when each consent was signed, on which clinic calendar, remotely or at the kiosk, and for which visit' },
  { view: 'preflight_refusal_facts', owner: 'treatments', readers: ['reports'], purpose: 'refused session starts with the preflight reason codes, place and practitioner' },
  // The summaries the reports read at full size, kept by the owners' triggers in the transactions that write the facts.
  { view: 'appointment_day_facts', owner: 'scheduling', readers: ['reports'], purpose: 'appointments counted per location, local date, practitioner and service, room or clock hour, with booked minutes' },
  { view: 'course_outcome_summary_facts', owner: 'treatments', readers: ['reports'], purpose: "each course's baseline and last score per scale, with the last score's date and how many scores" },
  { view: 'course_depth_facts', owner: 'treatments', readers: ['reports'], purpose: "each course's deepest signed depth per place, practitioner and indication" },
  { view: 'signed_session_lot_facts', owner: 'treatments', readers: ['reports'], purpose: 'signed sessions per day, place, practitioner and cartridge lot' },
  { view: 'signed_session_day_facts', owner: 'treatments', readers: ['reports'], purpose: "signed sessions by date with place, practitioner, deepest depth and pen (read from a covering index)" },
  { view: 'treatment_session_directory', owner: 'treatments', readers: ['inventory'], purpose: "each treatment session's practitioner and status, for the cartridge ledger's day sums and its refusal of uses on signed sessions" },
  { view: 'cartridge_ledger_day_facts', owner: 'inventory', readers: ['reports'], purpose: 'needle cartridges received, used and wasted per day, place, lot, practitioner and reason, with first uses per session' },
  { view: 'cartridge_lot_balances', owner: 'inventory', readers: ['reports'], purpose: "each needle-cartridge lot's balance per location, with its number, expiry and product" },
];
