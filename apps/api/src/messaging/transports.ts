import { createTransport, type SentMessageInfo, type TransportOptions } from 'nodemailer';
import addressparser from 'nodemailer/lib/addressparser';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import type StreamTransport from 'nodemailer/lib/stream-transport';
import type { AppConfig } from '../config/app-config';

export interface OutgoingMessage {
  to: string;
  subject: string;
  /** Plain text: the SMS itself, or the e-mail's text part. */
  body: string;
  /** An e-mail's HTML alternative (never for SMS). */
  html?: string;
  /** An e-mail's appointment for the patient's calendar (iTIP method and the iCalendar text). */
  calendar?: { method: 'REQUEST' | 'CANCEL'; text: string };
}

/** One way of delivering a message; throws when the message was not accepted. */
export interface MessageTransport {
  send(message: OutgoingMessage): Promise<unknown>;
  /** Who the message comes from (an e-mail transport's From), the ORGANIZER of the calendar it carries. */
  readonly sender?: { name: string; email: string };
}

/** The transports configured for this process, by channel. A channel without one leaves messages in the outbox. */
export interface MessageTransports {
  email?: MessageTransport;
  /** Pluggable: bind an SMS gateway here (none ships with SkinLedger). */
  sms?: MessageTransport;
}

export const MESSAGE_TRANSPORTS = Symbol('MessageTransports');

/**
 * E-mail through nodemailer (SMTP from SMTP_URL and SMTP_FROM; tests pass a stream transport's options). Text and
 * HTML are alternatives; the appointment rides as an `appointment.ics` attachment of type
 * `text/calendar; method=REQUEST|CANCEL`, which mail programs offer to add to (or remove from) the calendar.
 */
export class SmtpTransport implements MessageTransport {
  private readonly transporter;
  readonly sender?: { name: string; email: string };
  constructor(
    options: string | SMTPTransport.Options | StreamTransport.Options | TransportOptions,
    private readonly from: string,
  ) {
    this.transporter = createTransport(options as SMTPTransport.Options);
    const [parsed] = addressparser(from, { flatten: true });
    if (parsed?.address) this.sender = { name: parsed.name || parsed.address, email: parsed.address };
  }
  async send(message: OutgoingMessage): Promise<SentMessageInfo> {
    return this.transporter.sendMail({
      from: this.from,
      to: message.to,
      subject: message.subject,
      text: message.body,
      ...(message.html ? { html: message.html } : {}),
      ...(message.calendar
        ? {
            attachments: [
              {
                filename: 'appointment.ics',
                content: message.calendar.text,
                contentType: `text/calendar; charset=utf-8; method=${message.calendar.method}`,
              },
            ],
          }
        : {}),
    });
  }
}

export function transportsFromConfig(config: AppConfig): MessageTransports {
  return config.smtpUrl ? { email: new SmtpTransport(config.smtpUrl, config.smtpFrom) } : {};
}
