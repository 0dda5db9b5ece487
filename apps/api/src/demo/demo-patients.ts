import { emptyMedicalHistory, type MedicalHistoryAnswers } from '@skinledger/domain';
import type { EntityManager } from 'typeorm';
import { allocateMrns } from '../patients/mrn.queries';
import { Patient, type PatientAllergy } from '../patients/patient.entity';
import { DemoRandom, isoDaysAgo } from './demo-random';

const FIRST_NAMES_F = ['Olivia', 'Emma', 'Sophia', 'Ava', 'Isabella', 'Mia', 'Amelia', 'Harper', 'Evelyn', 'Abigail', 'Chloe', 'Grace', 'Zoe', 'Nora', 'Leah', 'Priya', 'Aisha', 'Mei', 'Sofia', 'Camila', 'Yara', 'Fatima', 'Hannah', 'Maya', 'Elena'];
const FIRST_NAMES_M = ['Liam', 'Noah', 'James', 'Lucas', 'Ethan', 'Mateo', 'Daniel', 'Samuel', 'David', 'Omar', 'Wei', 'Arjun', 'Marcus', 'Andre', 'Felix', 'Hugo', 'Kofi', 'Diego', 'Ryan', 'Jonah'];
const LAST_NAMES = ['Smith', 'Johnson', 'Williams', 'Brown', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez', 'Hernandez', 'Lopez', 'Wilson', 'Anderson', 'Thomas', 'Moore', 'Jackson', 'Lee', 'Perez', 'Thompson', 'White', 'Harris', 'Clark', 'Lewis', 'Nguyen', 'Patel', 'Kim', 'Chen', 'Okafor', 'Mensah', 'Kowalski', 'Rossi', 'Schmidt', 'Dubois', 'Haddad', 'Cohen', "O'Brien", 'Sato', 'Ivanova', 'Silva', 'Costa'];
const STREETS = ['Atlantic Ave', 'Court St', 'Smith St', 'Henry St', 'Clinton St', 'N Wells St', 'W Ohio St', 'N State St'];
const TAG_SETS = [['acne scars'], ['rejuvenation'], ['acne scars', 'course'], ['fine lines'], ['pores', 'texture'], ['stretch marks'], ['rejuvenation', 'maintenance'], []];

/** Most patients screen clear; a realistic few carry the findings the screening rules must catch. */
function demoHistory(random: DemoRandom): MedicalHistoryAnswers {
  const answers = emptyMedicalHistory();
  const roll = random.next();
  if (roll < 0.04) answers.isotretinoinLastDoseOn = isoDaysAgo(random.int(40, 150));
  else if (roll < 0.08) answers.keloidHistory = true;
  else if (roll < 0.1) answers.pregnantOrBreastfeeding = true;
  else if (roll < 0.15) answers.herpesSimplexHistory = true;
  else if (roll < 0.18) {
    answers.anticoagulantsOrAntiplatelets = true;
    answers.medications = ['aspirin 81 mg daily'];
  } else if (roll < 0.22) answers.botulinumToxinLastOn = isoDaysAgo(random.int(3, 40));
  else if (roll < 0.25) answers.topicalRetinoidLastOn = isoDaysAgo(random.int(2, 20));
  if (random.chance(0.3)) answers.medications = [...answers.medications, random.pick(['levothyroxine 50 mcg', 'oral contraceptive', 'cetirizine 10 mg', 'vitamin D'])];
  return answers;
}

function demoAllergies(random: DemoRandom): PatientAllergy[] {
  const roll = random.next();
  if (roll < 0.04) return [{ substance: 'Lidocaine', class: 'amide_anesthetic' }];
  if (roll < 0.07) return [{ substance: 'Benzocaine', class: 'ester_anesthetic' }];
  if (roll < 0.09) return [{ substance: 'Latex', class: 'latex' }];
  if (roll < 0.14) return [{ substance: 'Penicillin', class: 'other' }];
  return [];
}

/**
 * About 200 patients across both locations, with medical histories recorded by the clinic's nurses and
 * physician over the past months (some older than the 90-day re-confirmation age).
 */
export async function loadDemoPatients(
  manager: EntityManager,
  organizationId: string,
  recorders: string[],
  count = 200,
): Promise<number> {
  const random = new DemoRandom(20261125);
  const mrns = await allocateMrns(manager, organizationId, count);
  const usedEmails = new Set<string>();
  for (let i = 0; i < count; i++) {
    const female = random.chance(0.78);
    const firstName = random.pick(female ? FIRST_NAMES_F : FIRST_NAMES_M);
    const lastName = random.pick(LAST_NAMES);
    let email = `${firstName}.${lastName}`.toLowerCase().replace(/[^a-z.]/g, '') + '@example.com';
    if (usedEmails.has(email)) email = email.replace('@', `${i}@`);
    usedEmails.add(email);
    const chicago = random.chance(0.4);
    const patient = await manager.save(
      manager.create(Patient, {
        organizationId,
        mrn: mrns[i],
        externalId: null,
        firstName,
        lastName,
        preferredName: random.chance(0.08) ? firstName.slice(0, 3) : null,
        dateOfBirth: `${random.int(1958, 2003)}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`,
        sex: female ? 'female' : 'male',
        phone: `+1${chicago ? '312' : '718'}555${String(1000 + i).slice(-4)}`,
        email,
        address: {
          line1: `${random.int(10, 990)} ${random.pick(STREETS.slice(chicago ? 5 : 0, chicago ? 8 : 5))}`,
          city: chicago ? 'Chicago' : 'Brooklyn',
          region: chicago ? 'IL' : 'NY',
          postalCode: chicago ? '606' + random.int(10, 57) : '112' + random.int(10, 38),
          country: 'US',
        },
        emergencyContact: random.chance(0.6) ? { name: `${random.pick(FIRST_NAMES_F.concat(FIRST_NAMES_M))} ${lastName}`, relationship: random.pick(['spouse', 'parent', 'sibling', 'friend']), phone: `+1${chicago ? '312' : '917'}555${String(2000 + i).slice(-4)}` } : null,
        fitzpatrickType: random.pick([1, 2, 2, 3, 3, 3, 4, 4, 5, 6]),
        allergies: demoAllergies(random),
        notes: '',
        tags: random.pick(TAG_SETS),
        archivedAt: null,
        archivedBy: null,
        archiveReason: null,
      }),
    );
    if (random.chance(0.85)) {
      const recordedDaysAgo = random.int(1, 160);
      await manager.query(
        `INSERT INTO patient_medical_histories (organization_id, patient_id, version, answers, recorded_by, recorded_at)
         VALUES ($1, $2, 1, $3, $4, now() - make_interval(days => $5))`,
        [organizationId, patient.id, JSON.stringify(demoHistory(random)), random.pick(recorders), recordedDaysAgo],
      );
    }
  }
  return count;
}
