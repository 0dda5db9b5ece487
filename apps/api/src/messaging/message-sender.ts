import type { DataSource, EntityManager } from 'typeorm';
import { tenantTransaction } from '../database/request-transaction';
import { patientEventWords, patientInvitationICalendar } from '../scheduling/appointment-icalendar';
import { appointmentForCalendar, claimMessage, dueMessages, markSent, markUnsent, messageOrganization, returnToPending, type ClaimedMessage } from './outbox-delivery.queries';
import type { MessageTransport, MessageTransports, OutgoingMessage } from './transports';

export type DeliveryResult = 'sent' | 'outbox_only' | 'not_claimed' | 'retry' | 'failed';
const MAX_ATTEMPTS = 3;

/** E-mails that carry the appointment for the patient's calendar (a no-show or a waitlist offer has nothing to add). */
const CALENDAR_KINDS = new Set(['booked', 'reminder', 'reschedule', 'confirmation', 'cancellation']);

/**
 * Sends one outbox row at most once. The claim is one UPDATE … WHERE status = 'pending' RETURNING: of any number of
 * workers, jobs or restarts trying the same row, exactly one gets it (the others wait on its row lock, then see it is
 * no longer pending). A process that dies after claiming and before recording the result leaves the row in
 * 'sending' for a person to check: it is never sent again automatically, so a patient never gets it twice.
 *
 * An e-mail about an appointment carries it as iCalendar, made now from the appointment as it is (scheduling's
 * published view, scheduling's builder): the same UID and the current SEQUENCE as the practitioner's feed, so a
 * reminder written at booking still matches after a confirmation, and a cancelled appointment goes as METHOD:CANCEL.
 */
export class MessageSender {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transports: MessageTransports,
    private readonly workerId: string,
  ) {}

  async deliver(messageId: string, knownOrganizationId?: string): Promise<DeliveryResult> {
    // A job names only the row; the worker runs outside any request, so it looks up the row's organization
    // (SECURITY DEFINER) and works in that organization's transactions.
    const organizationId = knownOrganizationId ?? (await messageOrganization(this.dataSource, messageId));
    if (!organizationId) return 'not_claimed';
    const inOrganization = <T>(work: (manager: EntityManager) => Promise<T>) => tenantTransaction(this.dataSource, organizationId, work);
    const message = await inOrganization((manager) => claimMessage(manager, messageId, this.workerId));
    if (!message) return 'not_claimed';
    const transport = this.transports[message.channel];
    if (!transport || !message.recipient) {
      const why = !message.recipient ? `The patient has no ${message.channel === 'email' ? 'email address' : 'phone number'}` : `No ${message.channel === 'email' ? 'SMTP' : 'SMS'} transport is configured`;
      await this.finish(organizationId, message.id, 'outbox_only', why);
      return 'outbox_only';
    }
    const recipient = message.recipient;
    try {
      const outgoing = await inOrganization((manager) => this.compose(manager, { ...message, recipient }, transport));
      await transport.send(outgoing);
    } catch (error) {
      // Not composed or not accepted by the transport: safe to try again (it was not sent), a few times.
      const text = error instanceof Error ? error.message : String(error);
      if (message.attempts < MAX_ATTEMPTS) {
        await inOrganization((manager) => returnToPending(manager, message.id, text));
        return 'retry';
      }
      await this.finish(organizationId, message.id, 'failed', text);
      return 'failed';
    }
    await inOrganization((manager) => markSent(manager, message.id));
    return 'sent';
  }

  /** Every due pending row, e.g. after a restart or rows written while no worker ran. */
  async deliverDue(limit = 100): Promise<DeliveryResult[]> {
    // Every organization's due rows (ids and organizations only, through a SECURITY DEFINER function).
    const due = await dueMessages(this.dataSource, limit);
    const results: DeliveryResult[] = [];
    for (const { id, organization_id } of due) results.push(await this.deliver(id, organization_id));
    return results;
  }

  private async compose(manager: EntityManager, message: ClaimedMessage & { recipient: string }, transport: MessageTransport): Promise<OutgoingMessage> {
    const outgoing: OutgoingMessage = { to: message.recipient, subject: message.subject, body: message.body };
    if (message.channel !== 'email') return outgoing;
    if (message.html_body) outgoing.html = message.html_body;
    if (!message.appointment_id || !CALENDAR_KINDS.has(message.kind)) return outgoing;
    const a = await appointmentForCalendar(manager, message.appointment_id);
    if (!a) return outgoing;
    const invitation = patientInvitationICalendar(
      {
        appointmentId: a.id,
        startsAt: a.starts_at,
        endsAt: a.ends_at,
        cancelled: a.status === 'cancelled',
        sequence: a.calendar_sequence,
        lastModified: a.calendar_changed_at,
        ...patientEventWords({ serviceName: a.service_name, clinicName: a.clinic_name, locationName: a.location_name, address: a.location_address }),
      },
      { organizer: transport.sender, attendee: { firstName: a.first_name, email: message.recipient } },
      new Date(),
    );
    outgoing.calendar = { method: invitation.method, text: invitation.text };
    return outgoing;
  }

  private async finish(organizationId: string, id: string, status: 'outbox_only' | 'failed', error: string): Promise<void> {
    await tenantTransaction(this.dataSource, organizationId, (manager) => markUnsent(manager, id, status, error));
  }
}
