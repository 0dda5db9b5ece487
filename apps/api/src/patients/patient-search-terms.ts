import { formatMrn, mrnFromSearchTerm, phoneMatchKey } from '@skinledger/domain';

/** What a search term may be; each kind present adds indexed conditions, ORed. */
export interface SearchTerms {
  /** Name text (pg folds case and accents the same way as the stored search_name). */
  name?: string;
  mrn?: string;
  /** All digits typed, for an exact phone match. */
  phoneDigits?: string;
  /** LIKE pattern on the reversed digits: numbers that end in what was typed. */
  phoneSuffixPattern?: string;
  email?: string;
  /** LIKE pattern: emails that start with what was typed. */
  emailPrefixPattern?: string;
}

const PHONE_LIKE = /^[\d\s+().\-/]+$/;
const EMAIL_LIKE = /^[\w.+\-@]+$/;

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The words of a name as pg_trgm sees them (letters and digits; punctuation separates), at most four. */
export function nameWords(name: string): string[] {
  return name.split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '').slice(0, 4);
}

/** The kinds a term was read as, for the audit trail (the term itself is never recorded). */
export function termKinds(terms: SearchTerms): string[] {
  return [terms.mrn && 'mrn', terms.phoneDigits && 'phone', terms.email && 'email', terms.name && 'name'].filter((k): k is string => typeof k === 'string');
}

/** Reads a free-text search term as name, phone, email and/or MRN. */
export function parseSearchTerm(q: string): SearchTerms {
  const terms: SearchTerms = {};
  const lower = q.toLowerCase();
  const digits = q.replace(/\D/g, '');
  const mrn = mrnFromSearchTerm(q) ?? (/^\d{1,9}$/.test(q) && Number(q) >= 1 ? formatMrn(Number(q)) : null);
  if (mrn) terms.mrn = mrn;
  if (PHONE_LIKE.test(q) && digits.length >= 4) {
    terms.phoneDigits = digits;
    terms.phoneSuffixPattern = `${[...phoneMatchKey(digits)].reverse().join('')}%`;
  }
  if (!terms.mrn && !/\s/.test(q) && EMAIL_LIKE.test(q) && /[a-z]/i.test(q) && (q.includes('@') || q.length >= 3)) {
    terms.email = lower;
    terms.emailPrefixPattern = `${escapeLike(lower)}%`;
  }
  if (/\p{L}/u.test(q) && !q.includes('@') && !terms.mrn && nameWords(q).length > 0) terms.name = q;
  return terms;
}
