import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { phoneMatchKey } from '@skinledger/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService, type AuditEntry } from '../../audit/audit.service';
import type { Actor } from '../../common/access/actor';
import { DomainError, InvalidFieldError } from '../../common/problems/domain-error';
import { allocateMrns, lockPatientRegistration } from '../mrn.queries';
import type { CreatePatientDto } from '../patient.dto';
import { Patient } from '../patient.entity';
import { normalizeAllergies } from '../patient-records';
import { CsvSyntaxError, detectDelimiter, parseCsv, type CsvDelimiter, type CsvRecord } from './csv';
import { decodeCsvBytes, NotCsvError, type CsvEncoding } from './csv-encoding';
import type { ImportRowResultDto, PatientImportReportDto } from './patient-import.dto';
import { readHeader, readPatientRow, type ImportProblem } from './patient-csv';
import { foldNames, patientsMatchingAny, type ExistingRow } from './patient-import.queries';
import { countryName } from '../../common/phone/phone-numbers';
import { patientPhoneCountry } from '../patient-phone.queries';
import { phoneProblemsOf, withE164Phones } from '../patient-phones';

/** Patient rows per file; larger files are split by the clinic (one transaction each). */
const MAX_IMPORT_ROWS = 20_000;

interface Candidate {
  row: number;
  patient: CreatePatientDto;
  /** Name folded like patient_search_text, with the date of birth. */
  nameKey: string;
}

/** Where each identifying key points: an existing patient or an earlier row of the file. */
class IdentityIndex<T> {
  private readonly maps = { name_and_date_of_birth: new Map<string, T>(), email: new Map<string, T>(), phone: new Map<string, T>() };

  add(keys: { nameKey: string; email: string | null | undefined; phone: string | null | undefined }, value: T): void {
    this.maps.name_and_date_of_birth.set(keys.nameKey, value);
    if (keys.email) this.maps.email.set(keys.email, value);
    if (keys.phone) this.maps.phone.set(phoneMatchKey(keys.phone), value);
  }

  /** The first match and every rule it matched on, like the duplicate rule of POST /api/patients. */
  find(keys: { nameKey: string; email: string | null | undefined; phone: string | null | undefined }): { value: T; matchedOn: string[] } | null {
    const hits: [string, T | undefined][] = [
      ['name_and_date_of_birth', this.maps.name_and_date_of_birth.get(keys.nameKey)],
      ['email', keys.email ? this.maps.email.get(keys.email) : undefined],
      ['phone', keys.phone ? this.maps.phone.get(phoneMatchKey(keys.phone)) : undefined],
    ];
    const first = hits.find(([, v]) => v !== undefined)?.[1];
    if (first === undefined) return null;
    return { value: first, matchedOn: hits.filter(([, v]) => v === first).map(([rule]) => rule) };
  }
}

/**
 * Decides each valid row: an existing patient (by externalId when the row has one, else by the duplicate rule), a
 * repeat of an earlier row of the file (a problem), or a patient to create. Problems and outcomes are added to the
 * caller's lists; the rows to create are returned.
 */
function matchRows(
  candidates: Candidate[],
  existing: ExistingRow[],
  externalIdLabel: string,
  problems: ImportProblem[],
  results: Map<number, ImportRowResultDto>,
): Candidate[] {
  const byExternalId = new Map(existing.filter((e) => e.external_id).map((e) => [e.external_id as string, e]));
  const registered = new IdentityIndex<ExistingRow>();
  for (const e of existing) registered.add({ nameKey: `${e.first}|${e.last}|${e.dob}`, email: e.email, phone: e.phone_key }, e);
  const inFile = new IdentityIndex<number>();
  const externalIdsInFile = new Map<string, number>();
  const toCreate: Candidate[] = [];

  for (const candidate of candidates) {
    const { row, patient } = candidate;
    const keys = { nameKey: candidate.nameKey, email: patient.email, phone: patient.phone };
    const existingPatient = (match: ExistingRow, matchedOn: string[]) =>
      results.set(row, { row, status: 'existing', patientId: match.id, mrn: match.mrn, matchedOn });
    const invalid = (field: string, problem: string) => {
      problems.push({ row, field, problem });
      results.set(row, { row, status: 'invalid' });
    };
    const accept = () => {
      toCreate.push(candidate);
      inFile.add(keys, row);
    };
    if (patient.externalId) {
      const match = byExternalId.get(patient.externalId);
      const earlier = externalIdsInFile.get(patient.externalId);
      // An unknown externalId does not make a new person: the duplicate rule of POST /api/patients still applies,
      // so a clinic's existing record is never split in two (contraindications on one copy would be missed).
      const registeredMatch = match ? null : registered.find(keys);
      if (match) existingPatient(match, ['externalId']);
      else if (earlier !== undefined) invalid(externalIdLabel, `the same externalId as row ${earlier}`);
      else if (registeredMatch) existingPatient(registeredMatch.value, registeredMatch.matchedOn);
      else accept();
      if (earlier === undefined) externalIdsInFile.set(patient.externalId, row);
    } else {
      const match = registered.find(keys);
      const earlier = match ? null : inFile.find(keys);
      if (match) existingPatient(match.value, match.matchedOn);
      else if (earlier) {
        invalid('(row)', `looks like the same patient as row ${earlier.value} (${earlier.matchedOn.join(', ')}); give each row an externalId to import both`);
      } else accept();
    }
  }
  return toCreate;
}

/**
 * CSV import of patients: every row is validated with the rules of POST /api/patients and reported; the valid new
 * ones are written in one transaction. Importing the same file again creates nobody twice: a row with an externalId
 * matches the patient with that externalId, a row without one matches by the duplicate rule (same name and date of
 * birth, email or phone). Two rows of one file that look like the same person are reported, not guessed at.
 */
@Injectable()
export class PatientImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async import(actor: Actor, body: unknown, dryRun: boolean): Promise<PatientImportReportDto> {
    if (!Buffer.isBuffer(body)) {
      throw new DomainError(415, 'unsupported-media-type', 'Unsupported media type', 'Send the file as the request body with Content-Type: text/csv');
    }
    const { records, encoding, delimiter } = this.read(body);
    const header = readHeader(records[0].cells);
    const rows = records.slice(1).map((record) => readPatientRow(header, record.cells, record.row));
    const problems: ImportProblem[] = [...header.problems, ...rows.flatMap((r) => r.problems)];
    const results = new Map<number, ImportRowResultDto>(rows.filter((r) => r.patient === null).map((r) => [r.row, { row: r.row, status: 'invalid' }]));
    const readRows = rows.flatMap((r) => (r.patient ? [{ row: r.row, patient: r.patient }] : []));

    return this.dataSource.transaction(async (manager) => {
      // Phones become E.164, read in the clinic's country; a row with a number that cannot be one is reported.
      const country = await patientPhoneCountry(manager, actor.organizationId, actor.staffMemberId);
      const valid = readRows.flatMap((r) => {
        const bad = phoneProblemsOf(r.patient, country);
        for (const b of bad) problems.push({ row: r.row, field: b.field === 'phone' ? 'phone' : 'emergencyContactPhone', problem: `${b.value} is not a valid phone number in ${countryName(country)}` });
        if (bad.length > 0) {
          results.set(r.row, { row: r.row, status: 'invalid' });
          return [];
        }
        return [{ row: r.row, patient: withE164Phones(r.patient, country) }];
      });
      const write = !dryRun && header.problems.length === 0;
      // Held to the end: no create or other import can register one of these patients meanwhile.
      if (write) await lockPatientRegistration(manager, actor.organizationId);
      const candidates = await this.withNameKeys(manager, valid);
      const existing = await this.existingMatches(manager, actor.organizationId, candidates);

      const toCreate = matchRows(candidates, existing, header.labels.externalId ?? 'externalId', problems, results);

      if (write && toCreate.length > 0) await this.create(manager, actor, toCreate, results);
      else for (const c of toCreate) results.set(c.row, { row: c.row, status: 'created' });

      const ordered = [...results.values()].sort((a, b) => a.row - b.row);
      const count = (status: ImportRowResultDto['status']) => ordered.filter((r) => r.status === status).length;
      const report: PatientImportReportDto = {
        dryRun,
        encoding,
        delimiter,
        written: write && toCreate.length > 0,
        rows: rows.length,
        created: count('created'),
        existing: count('existing'),
        invalid: count('invalid'),
        problems: problems.sort((a, b) => a.row - b.row),
        results: ordered,
      };
      if (!dryRun) {
        await this.audit.record(manager, actor, {
          action: 'patients.imported',
          entityType: 'organization',
          entityId: actor.organizationId,
          changes: {
            rows: { to: report.rows },
            created: { to: write ? report.created : 0 },
            existing: { to: report.existing },
            invalid: { to: report.invalid },
          },
        });
      }
      return report;
    });
  }

  /** The file's text in whichever encoding and with whichever separator it was saved, as records with their rows. */
  private read(body: Buffer): { records: CsvRecord[]; encoding: CsvEncoding; delimiter: CsvDelimiter } {
    let records: CsvRecord[];
    let decoded: { text: string; encoding: CsvEncoding };
    let delimiter: CsvDelimiter;
    try {
      decoded = decodeCsvBytes(body);
      delimiter = detectDelimiter(decoded.text);
      records = parseCsv(decoded.text, delimiter);
    } catch (error) {
      if (error instanceof NotCsvError) throw new InvalidFieldError('body', error.message);
      if (error instanceof CsvSyntaxError) throw new InvalidFieldError('body', `not readable as CSV at ${error.message}`);
      throw error;
    }
    if (records.length === 0) throw new InvalidFieldError('body', 'the file is empty: expected a header row and one row per patient');
    if (records.length - 1 > MAX_IMPORT_ROWS) {
      throw new InvalidFieldError('body', `${records.length - 1} patient rows; at most ${MAX_IMPORT_ROWS} per file, so split the file`);
    }
    return { records, encoding: decoded.encoding, delimiter };
  }

  /** Names folded by the database's own patient_search_text, so matching agrees with search and duplicates. */
  private async withNameKeys(manager: EntityManager, rows: { row: number; patient: CreatePatientDto }[]): Promise<Candidate[]> {
    if (rows.length === 0) return [];
    const folded = await foldNames(manager, rows.flatMap((r) => [r.patient.firstName, r.patient.lastName]));
    return rows.map((r, i) => ({ ...r, nameKey: `${folded[2 * i]}|${folded[2 * i + 1]}|${r.patient.dateOfBirth}` }));
  }

  /** Registered patients (archived included) any row could match, in one query. */
  private async existingMatches(manager: EntityManager, organizationId: string, candidates: Candidate[]): Promise<ExistingRow[]> {
    if (candidates.length === 0) return [];
    const distinct = (values: (string | null | undefined)[]) => [...new Set(values.filter((v): v is string => !!v))];
    return patientsMatchingAny(manager, organizationId, {
      externalIds: distinct(candidates.map((c) => c.patient.externalId)),
      emails: distinct(candidates.map((c) => c.patient.email)),
      datesOfBirth: distinct(candidates.map((c) => c.patient.dateOfBirth)),
      phoneKeys: distinct(candidates.map((c) => (c.patient.phone ? phoneMatchKey(c.patient.phone) : null))),
    });
  }

  private async create(manager: EntityManager, actor: Actor, toCreate: Candidate[], results: Map<number, ImportRowResultDto>): Promise<void> {
    const mrns = await allocateMrns(manager, actor.organizationId, toCreate.length);
    const patients = toCreate.map(({ patient: p }, i) =>
      manager.create(Patient, {
        id: randomUUID(),
        organizationId: actor.organizationId,
        mrn: mrns[i],
        externalId: p.externalId ?? null,
        firstName: p.firstName,
        lastName: p.lastName,
        preferredName: p.preferredName ?? null,
        dateOfBirth: p.dateOfBirth,
        sex: p.sex ?? 'unknown',
        phone: p.phone ?? null,
        email: p.email ?? null,
        address: p.address ? { ...p.address } : null,
        emergencyContact: p.emergencyContact ? { ...p.emergencyContact } : null,
        fitzpatrickType: p.fitzpatrickType ?? null,
        allergies: normalizeAllergies(p.allergies ?? []),
        notes: p.notes ?? '',
        tags: p.tags ?? [],
        archivedAt: null,
        archivedBy: null,
        archiveReason: null,
      }),
    );
    for (let i = 0; i < patients.length; i += 500) {
      await manager.createQueryBuilder().insert().into(Patient).values(patients.slice(i, i + 500)).updateEntity(false).execute();
    }
    const entries: AuditEntry[] = patients.map((p, i) => ({
      action: 'patient.created',
      entityType: 'patient',
      entityId: p.id,
      changes: { mrn: { to: p.mrn }, source: { to: `CSV import, row ${toCreate[i].row}` } },
    }));
    await this.audit.recordMany(manager, actor, entries);
    toCreate.forEach((c, i) => results.set(c.row, { row: c.row, status: 'created', patientId: patients[i].id, mrn: patients[i].mrn }));
  }
}
