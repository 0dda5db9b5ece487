import type { Schemas } from '@skinledger/api-client';

// The public booking API (apps/api/src/online-booking), typed from the OpenAPI document: no cookie is sent or read
// (`credentials: 'omit'`), no CSRF header; the page holds no session. Plain fetch: the dashboard's client and its
// query library stay out of this small bundle.

export type BookingOptions = Schemas['PublicBookingOptionsDto'];
export type PublicLocation = Schemas['PublicLocationDto'];
export type PublicService = Schemas['PublicServiceDto'];
export type PublicPractitioner = Schemas['PublicPractitionerDto'];
export type Availability = Schemas['PublicAvailabilityDto'];
export type Slot = Schemas['PublicSlotDto'];
export type Hold = Schemas['PublicHoldDto'];
export type HoldRequest = Schemas['CreatePublicHoldDto'];
export type Confirmation = Schemas['PublicBookingConfirmationDto'];
export type ManagedAppointment = Schemas['PublicManagedAppointmentDto'];
export type Problem = Schemas['ProblemDocumentDto'];
export type PreVisitForms = Schemas['PreVisitFormsDto'];
export type PreVisitQuestion = Schemas['PreVisitQuestionDto'];
export type PreVisitConsent = Schemas['PreVisitConsentDto'];
export type HistoryAnswers = Schemas['MedicalHistoryAnswersDto'];
export type HistoryRecorded = Schemas['PreVisitHistoryRecordedDto'];
export type SignConsentRequest = Schemas['SignPreVisitConsentDto'];
export type SignedConsent = Schemas['PreVisitSignedConsentDto'];

/** An answer that was not a success: the problem document (RFC 9457), or one made up when the network failed. */
export class ApiProblem extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail);
  }
  /** The catalog code: `slot-taken`, `hold-expired`, `rule-violation` ... */
  get code(): string {
    return String(this.problem.type).split(':').pop() ?? '';
  }
}

async function call<T>(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'omit',
      headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    // Status 0: no answer at all (offline, the server unreachable).
    throw new ApiProblem({ type: 'urn:skinledger:problem:http-error', title: 'No connection', status: 0, detail: 'The booking page could not reach the clinic: check your connection and try again.' });
  }
  const text = await response.text();
  const parsed: unknown = text ? JSON.parse(text) : undefined;
  if (!response.ok) {
    const problem: Problem =
      parsed && typeof parsed === 'object' && 'type' in parsed ? (parsed as Problem) : { type: 'urn:skinledger:problem:http-error', title: 'Error', status: response.status, detail: response.statusText };
    throw new ApiProblem(problem);
  }
  return parsed as T;
}

const query = (params: Record<string, string | undefined>) =>
  new URLSearchParams(Object.entries(params).filter((entry): entry is [string, string] => entry[1] !== undefined)).toString();

export const bookingApi = {
  options: (organization: string) => call<BookingOptions>('GET', `/api/public/booking/options?${query({ organization })}`),
  availability: (organization: string, q: { serviceId: string; locationId: string; practitionerId?: string; from: string; to: string }) =>
    call<Availability>('GET', `/api/public/booking/availability?${query({ organization, ...q })}`),
  hold: (organization: string, body: HoldRequest) => call<Hold>('POST', `/api/public/booking/holds?${query({ organization })}`, body),
  confirm: (organization: string, holdId: string, code: string) =>
    call<Confirmation>('POST', `/api/public/booking/holds/${encodeURIComponent(holdId)}/confirm?${query({ organization })}`, { code }),
};

const link = (token: string, action = '') => `/api/public/appointments/${encodeURIComponent(token)}${action ? `/${action}` : ''}`;

export const manageApi = {
  view: (token: string) => call<ManagedAppointment>('GET', link(token)),
  availability: (token: string, from: string, to: string) => call<Availability>('GET', `${link(token, 'availability')}?${query({ from, to })}`),
  confirm: (token: string) => call<ManagedAppointment>('POST', link(token, 'confirm'), {}),
  cancel: (token: string, reason: string) => call<ManagedAppointment>('POST', link(token, 'cancel'), reason.trim() ? { reason: reason.trim() } : {}),
  reschedule: (token: string, startsAt: string, practitionerId: string) => call<ManagedAppointment>('POST', link(token, 'reschedule'), { startsAt, practitionerId }),
};

/** The pre-visit forms through the same manage link (apps/api/src/online-booking/pre-visit-forms.controller.ts). */
export const formsApi = {
  forms: (token: string) => call<PreVisitForms>('GET', link(token, 'forms')),
  recordHistory: (token: string, answers: HistoryAnswers) => call<HistoryRecorded>('PUT', link(token, 'medical-history'), answers),
  sign: (token: string, consentId: string, body: SignConsentRequest) =>
    call<SignedConsent>('POST', link(token, `consents/${encodeURIComponent(consentId)}/sign`), body),
};
