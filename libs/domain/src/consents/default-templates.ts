import { CONSENT_DEFAULT_VALID_DAYS, type ConsentAcknowledgement } from './kinds';

/**
 * Default consent templates seeded for every organization (domain.md section 6). Each covers: patient identity,
 * procedure description, the specific risks, alternatives, pre- and post-care, no guarantee (a course may be needed),
 * attestation that the medical history is accurate, questions answered, voluntariness and capacity. They are
 * starting points: each is flagged "review with your medical director" until an owner or admin approves it.
 */
export interface DefaultConsentTemplate {
  kind: 'cosmetic_needling' | 'medical_needling' | 'topical_anesthetic' | 'photography';
  title: string;
  body: string;
  acknowledgements: ConsentAcknowledgement[];
  validDays: number;
}

const IDENTITY = `**Patient:** {{patientName}}, born {{dateOfBirth}}
**Procedure:** {{procedure}}
**Practitioner:** {{practitioner}}`;

const NEEDLING_RISKS = `## Risks
Like any procedure that breaks the skin, micro-needling has risks. The common ones usually settle within days:
- redness (like a sunburn) for 1 to 3 days
- swelling, most often around the eyes
- pinpoint bleeding during and just after treatment

Less common but important:
- infection (bacterial, or a cold-sore outbreak if you have had cold sores before)
- post-inflammatory hyperpigmentation: darker patches, more likely with darker skin types
- scarring, including "tram-track" lines from the needle pattern
- allergic reactions to products applied to the skin, and granulomatous reactions (firm bumps) to serums pushed into the skin
- reactions to the numbing cream (see the topical anaesthetic consent)`;

const COMMON_CLOSING = `## No guarantee
Results differ from person to person. No particular result is guaranteed, and a course of several sessions is usually needed.

## Your confirmation
By signing you confirm that the medical history you gave is accurate and complete and that you will tell us about any change; that you have read this form and your questions have been answered; that you agree voluntarily and can withdraw at any time before treatment; and that you are able to make this decision for yourself.`;

const NEEDLING_ACKS = (extra: ConsentAcknowledgement[] = []): ConsentAcknowledgement[] => [
  { key: 'a1', text: 'I have read and understood the procedure, its risks and the alternatives.', required: true },
  { key: 'a2', text: 'I understand that results are not guaranteed and that a course of sessions may be needed.', required: true },
  { key: 'a3', text: 'The medical history I gave is accurate and complete, and I will report any change.', required: true },
  { key: 'a4', text: 'I will follow the pre- and post-care instructions.', required: true },
  { key: 'a5', text: 'My questions have been answered, I agree voluntarily and I am able to make this decision.', required: true },
  ...extra,
];

export const DEFAULT_CONSENT_TEMPLATES: readonly DefaultConsentTemplate[] = [
  {
    kind: 'cosmetic_needling',
    title: 'Consent to cosmetic micro-needling',
    validDays: CONSENT_DEFAULT_VALID_DAYS,
    acknowledgements: NEEDLING_ACKS(),
    body: `# Consent to cosmetic micro-needling
${IDENTITY}

## The procedure
Cosmetic micro-needling uses a pen with fine sterile single-use needles to make tiny, shallow channels in the upper layers of the skin to improve texture and tone. The planned needle depth is {{depthRange}}, within cosmetic limits. A session takes about 30 to 60 minutes.

${NEEDLING_RISKS}

## Alternatives
Alternatives include no treatment, skincare products, chemical peels, microdermabrasion and laser or light treatments. Your practitioner can explain how they compare.

## Before and after
- Before: avoid retinoids, exfoliating acids and waxing of the area for 5 days, and avoid sunburn or tanning.
- After: keep the skin clean, use only the products we give you for 24 hours, no make-up for 24 hours, avoid sun, sauna, swimming and exercise for 48 hours, and use sunscreen daily.
- Call us at once about spreading redness, pus, fever, blisters or severe pain.

${COMMON_CLOSING}`,
  },
  {
    kind: 'medical_needling',
    title: 'Consent to medical micro-needling',
    validDays: CONSENT_DEFAULT_VALID_DAYS,
    acknowledgements: NEEDLING_ACKS(),
    body: `# Consent to medical micro-needling
${IDENTITY}

## The procedure
Medical micro-needling (collagen induction therapy) uses a pen with fine sterile single-use needles to make controlled channels deeper in the skin to treat scars, stretch marks or other conditions. The planned needle depth is {{depthRange}}. Deeper needling is usually done after numbing cream and causes more bleeding and downtime than cosmetic needling.

${NEEDLING_RISKS}

## Alternatives
Alternatives include no treatment, topical treatments, chemical peels, fractional laser, radiofrequency micro-needling, subcision or fillers for scars. Your practitioner can explain how they compare.

## Before and after
- Before: stop retinoids and exfoliating acids for 5 days, avoid sunburn and tanning, tell us about cold sores (you may need antiviral medicine) and about any new medicine.
- After: expect redness and swelling for 2 to 5 days; keep the skin clean, use only the products we give you, no make-up for 24 hours, avoid sun, sauna, swimming and exercise for 72 hours, and use sunscreen daily.
- Call us at once about spreading redness, pus, fever, blisters or severe pain.

${COMMON_CLOSING}`,
  },
  {
    kind: 'topical_anesthetic',
    title: 'Consent to topical anaesthetic',
    validDays: CONSENT_DEFAULT_VALID_DAYS,
    acknowledgements: [
      { key: 'a1', text: 'I have told the clinic about all allergies, including to local anaesthetics.', required: true },
      { key: 'a2', text: 'I understand the risks of numbing cream and will report any unusual symptoms at once.', required: true },
      { key: 'a3', text: 'The medical history I gave is accurate and complete, and I will report any change.', required: true },
      { key: 'a4', text: 'My questions have been answered, I agree voluntarily and I am able to make this decision.', required: true },
    ],
    body: `# Consent to topical anaesthetic
${IDENTITY}

## The procedure
A numbing cream (for example lidocaine with or without prilocaine or tetracaine) is applied to the skin for 20 to 45 minutes before {{procedure}} and wiped off before treatment. Only the amount and area your practitioner sets is used.

## Risks
- redness, paleness, itching or a burning feeling where the cream was applied
- allergic reactions, from a rash to, rarely, severe allergy (anaphylaxis)
- anaesthetic reactions if too much is absorbed: dizziness, ringing in the ears, a metallic taste, numb lips, drowsiness, an irregular heartbeat or, rarely, seizures
- methaemoglobinaemia (a blood reaction, bluish lips) with some creams, more likely with certain medicines or conditions
- the treated skin stays numb for a while: avoid hot drinks and touching or scratching it

## Alternatives
Alternatives include no numbing (treatment may then be more uncomfortable), cooling, a shallower treatment, or a different numbing method your practitioner can explain.

## Before and after
- Before: tell us about heart rhythm problems, liver disease, G6PD deficiency, pregnancy or breastfeeding, and all medicines.
- After: tell us at once if you feel dizzy, unwell or short of breath.

## No guarantee
Numbing reduces discomfort but does not guarantee a pain-free treatment.

## Your confirmation
By signing you confirm that the medical history you gave is accurate and complete; that your questions have been answered; that you agree voluntarily; and that you are able to make this decision for yourself.`,
  },
  {
    kind: 'photography',
    title: 'Consent to clinical photography',
    validDays: CONSENT_DEFAULT_VALID_DAYS,
    acknowledgements: [
      { key: 'a1', text: 'I agree to photographs being taken and kept in my clinical record.', required: true },
      { key: 'a2', text: 'I understand that I may withdraw this consent for future photographs at any time.', required: true },
      {
        key: 'a3',
        text: 'Optional: I also allow my photographs, without my name, to be used for education and marketing.',
        required: false,
      },
    ],
    body: `# Consent to clinical photography
${IDENTITY}

## What the photographs are for
Before and after photographs of the treated area are part of your clinical record for {{procedure}}: they help us plan treatment and follow your results. They are stored securely with your record and kept as long as the record.

## Two separate permissions
1. **Clinical record** (required for treatment): photographs are taken and kept in your record and seen only by the clinic team caring for you.
2. **Education and marketing** (optional): photographs without your name may be used in training, on our website or social media. You can say no and still be treated.

## Risks and alternatives
Photographs could identify you even without your name. The alternative is written notes only, which make results harder to compare.

## Your confirmation
By signing you confirm that your questions have been answered, that you agree voluntarily and can withdraw at any time for future use, and that you are able to make this decision for yourself.`,
  },
];
