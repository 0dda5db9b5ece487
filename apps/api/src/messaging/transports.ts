import { createTransport } from 'nodemailer';
import type { AppConfig } from '../config/app-config';

export interface OutgoingMessage {
  to: string;
  subject: string;
  body: string;
}

/** One way of delivering a message; throws when the message was not accepted. */
export interface MessageTransport {
  send(message: OutgoingMessage): Promise<void>;
}

/** The transports configured for this process, by channel. A channel without one leaves messages in the outbox. */
export interface MessageTransports {
  email?: MessageTransport;
  /** Pluggable: bind an SMS gateway here (none ships with SkinLedger). */
  sms?: MessageTransport;
}

export const MESSAGE_TRANSPORTS = Symbol('MessageTransports');

/** SMTP through nodemailer, from SMTP_URL and SMTP_FROM. */
export class SmtpTransport implements MessageTransport {
  private readonly transporter;
  constructor(
    url: string,
    private readonly from: string,
  ) {
    this.transporter = createTransport(url);
  }
  async send(message: OutgoingMessage): Promise<void> {
    await this.transporter.sendMail({ from: this.from, to: message.to, subject: message.subject, text: message.body });
  }
}

export function transportsFromConfig(config: AppConfig): MessageTransports {
  return config.smtpUrl ? { email: new SmtpTransport(config.smtpUrl, config.smtpFrom) } : {};
}
