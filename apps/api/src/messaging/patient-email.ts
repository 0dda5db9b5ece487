import escapeHtml from 'escape-html';

/**
 * What a patient's e-mail says: the greeting by first name, one sentence of news, the service, time and place, how to
 * reach the clinic, and the clinic's name and address as the sender. Nothing else about the patient (no surname,
 * date of birth, record number, phone or anything clinical).
 */
export interface PatientEmailFacts {
  locale: string;
  firstName: string;
  /** The news after "Hello Pat, " ("your Facial at Main Street on … is confirmed."). */
  news: string;
  serviceName: string;
  when: string;
  clinicName: string;
  locationName: string;
  address: string;
  /** How to reach the clinic ("Call (212) 555-0199 to change it."), or empty. */
  contact: string;
  /** An online booking's manage link (confirm, move or cancel without calling), when the message may carry it. */
  manageUrl?: string;
}

export interface PatientEmail {
  text: string;
  html: string;
}

/** The one-line notice: the SMS itself, and the first line of the e-mail ("Hello Pat, your … is booked. Call … to change it."). */
export function noticeLine(firstName: string, news: string, contact: string): string {
  return `Hello ${firstName}, ${news}${contact ? ` ${contact}` : ''}`;
}

/** The e-mail's plain-text and HTML parts from the same facts; every value is escaped into the HTML. */
export function patientEmail(subject: string, f: PatientEmailFacts): PatientEmail {
  const place = f.locationName === f.clinicName ? f.clinicName : `${f.clinicName}, ${f.locationName}`;
  const address = f.address.trim();
  const signature = [f.clinicName, f.locationName === f.clinicName ? '' : f.locationName, address].filter(Boolean);
  const details: [string, string][] = [
    ['What', f.serviceName],
    ['When', f.when],
    ['Where', address ? `${place}, ${address}` : place],
  ];

  const manage = f.manageUrl ? `Confirm, move or cancel it online: ${f.manageUrl}` : '';
  const text = [noticeLine(f.firstName, f.news, f.contact), details.map(([label, value]) => `${label}: ${value}`).join('\n'), manage, signature.join('\n')].filter(Boolean).join('\n\n');

  const e = escapeHtml;
  const html =
    `<!DOCTYPE html>\n<html lang="${e(f.locale)}"><head><meta charset="utf-8"><title>${e(subject)}</title></head>\n` +
    `<body style="font-family: sans-serif; line-height: 1.5; color: #1f2933;">\n` +
    `<p>Hello ${e(f.firstName)}, ${e(f.news)}</p>\n` +
    `<table role="presentation" style="border-collapse: collapse;">\n` +
    details.map(([label, value]) => `<tr><th scope="row" style="text-align: left; padding: 2px 12px 2px 0;">${e(label)}</th><td>${e(value)}</td></tr>\n`).join('') +
    `</table>\n` +
    (f.contact ? `<p>${e(f.contact)}</p>\n` : '') +
    (f.manageUrl ? `<p><a href="${e(f.manageUrl)}">Confirm, move or cancel it online</a></p>\n` : '') +
    `<p>${signature.map((line) => e(line)).join('<br>\n')}</p>\n` +
    `</body></html>\n`;

  return { text, html };
}
