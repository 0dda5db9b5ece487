import type { IsoDate } from '../dates';
import type { ClinicLocale } from '../locale/clinic-locale';
import { readable } from '../locale/readable';
import type { PreVisitAdviceCode } from '../codes/screening';
import type { ScreeningResult } from './screen-patient';

/** What the patient is told after filling in her medical history before the visit (issue 16). */

export interface PreVisitAdvice {
  code: PreVisitAdviceCode;
  /** Plain words for the patient, without clinical terms or the rule's name. */
  message: string;
  /** must_wait because of time windows only: the first day the treatment could go ahead. */
  eligibleFrom?: IsoDate;
}

/**
 * Turns the screening verdict on the appointment's date (screenPatient, domain.md section 4) into what the patient
 * reads: an absolute contraindication (a blocker) means the treatment must wait, said plainly and, when every blocker
 * is a time window (isotretinoin inside its window, a recent peel...), with the first possible date. Relative findings
 * (warnings) are the practitioner's to review at the visit and are not spelt out to the patient. Which answers blocked
 * is not repeated back: the clinic, told at once, explains at the call.
 */
export function preVisitAdvice(result: Pick<ScreeningResult, 'eligibleFrom'> & { blockers: readonly unknown[] }, treatmentOn: IsoDate, locale?: ClinicLocale): PreVisitAdvice {
  if (result.blockers.length === 0) {
    return { code: 'ready', message: 'Thank you: your answers are with the clinic, who will go through them with you at your visit.' };
  }
  const words = readable(locale);
  const day = words.date(treatmentOn);
  if (result.eligibleFrom) {
    return {
      code: 'must-wait',
      message:
        `From your answers, your treatment on ${day} has to wait: it can be done from ${words.date(result.eligibleFrom)}. ` +
        'The clinic has been told and will contact you to find a new time. Please do not come for this treatment before then.',
      eligibleFrom: result.eligibleFrom,
    };
  }
  return {
    code: 'must-wait',
    message:
      `From your answers, your treatment on ${day} cannot go ahead as planned. ` +
      'The clinic has been told and will contact you before your visit to talk it through.',
  };
}
