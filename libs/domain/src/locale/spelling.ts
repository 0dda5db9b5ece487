import type { ClinicLocale } from './clinic-locale';

/**
 * The words whose spelling differs between the English variants the app speaks, British first. Text in the code is
 * written in one variant; `spell` rewrites it into the clinic's, keeping the case of the first letter. Only whole
 * words change ("licensed" and "licenses" are the same in both variants for the verb). Role and licence names
 * ("aesthetician") are the product's terms and stay as they are.
 */
const VARIANTS: readonly (readonly [british: string, american: string])[] = [
  ['anaesthetics', 'anesthetics'],
  ['anaesthetic', 'anesthetic'],
  ['anaesthesia', 'anesthesia'],
  ['licences', 'licenses'],
  ['licence', 'license'],
  ['enrolment', 'enrollment'],
  ['enrolled', 'enrolled'],
  ['enrol', 'enroll'],
  ['colours', 'colors'],
  ['colour', 'color'],
  ['centre', 'center'],
  ['oedema', 'edema'],
  ['ageing', 'aging'],
  ['haemorrhage', 'hemorrhage'],
  ['haematoma', 'hematoma'],
  ['behaviour', 'behavior'],
  ['catalogue', 'catalog'],
];

function table(to: ClinicLocale): Map<string, string> {
  return new Map(VARIANTS.flatMap(([gb, us]) => (to === 'en-US' ? [[gb, us]] : [[us, gb]])).filter(([from, into]) => from !== into) as [string, string][]);
}

const TABLES: Record<ClinicLocale, Map<string, string>> = { 'en-US': table('en-US'), 'en-GB': table('en-GB') };
const PATTERNS: Record<ClinicLocale, RegExp> = {
  'en-US': new RegExp(`\\b(${[...TABLES['en-US'].keys()].join('|')})\\b`, 'gi'),
  'en-GB': new RegExp(`\\b(${[...TABLES['en-GB'].keys()].join('|')})\\b`, 'gi'),
};

function keepCase(original: string, replacement: string): string {
  if (original === original.toUpperCase() && original.length > 1) return replacement.toUpperCase();
  return original[0] === original[0].toUpperCase() ? replacement[0].toUpperCase() + replacement.slice(1) : replacement;
}

/** The text in the clinic's spelling: "Topical anaesthetic" → "Topical anesthetic" for en-US, and back for en-GB. */
export function spell(text: string, locale: ClinicLocale): string {
  return text.replace(PATTERNS[locale], (word) => keepCase(word, TABLES[locale].get(word.toLowerCase()) ?? word));
}
