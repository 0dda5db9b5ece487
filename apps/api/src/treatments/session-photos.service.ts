import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { consentMissingViolations, isPhotoAngle, isPhotoPhase, type PhotoAngle, type PhotoPhase } from '@skinledger/domain';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/access/actor';
import { DomainError, InvalidFieldError, NotFoundError, RuleViolationError } from '../common/problems/domain-error';
import { decodePhoto } from './image-bytes';
import { PHOTO_STORAGE, type PhotoStorage } from './photo-storage';
import { SessionPhoto } from './session-photo.entity';
import { comparisonSessions, patientPhotoRows, photoRows, sessionPhotoRows, type ComparisonSessionRow, type PhotoRow } from './session-photos.queries';
import type { PhotoComparisonDto, PhotoComparisonSideDto, SessionPhotoDto } from './session-photos.dto';
import { ConsentStatusService } from '../consents/consent-status.service';
import { TreatmentSessionViews } from './treatment-session-views';

export interface PhotoUpload {
  phase: string | undefined;
  angle: string | undefined;
  bytes: Buffer;
}

/**
 * Clinical photos of a session. Taking them needs a valid photography consent (domain.md section 6: a separate
 * permission); the bytes go to photo storage with a SHA-256 kept in the database and checked whenever the photo is
 * served, so a file changed on disk is noticed rather than shown.
 */
@Injectable()
export class SessionPhotosService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly sessions: TreatmentSessionViews,
    @Inject(PHOTO_STORAGE) private readonly storage: PhotoStorage,
    private readonly consents: ConsentStatusService,
  ) {}

  async upload(actor: Actor, sessionId: string, upload: PhotoUpload): Promise<SessionPhotoDto> {
    if (!upload.phase || !isPhotoPhase(upload.phase)) throw new InvalidFieldError('phase', 'phase must be before or after');
    if (!upload.angle || !isPhotoAngle(upload.angle)) throw new InvalidFieldError('angle', 'angle must be one of front, left45, right45, left90, right90');
    const decoded = await decodePhoto(upload.bytes);
    if (!decoded) throw new InvalidFieldError('file', 'must decode as a JPEG, PNG or WebP image');
    const { bytes, contentType } = decoded;
    const phase: PhotoPhase = upload.phase;
    const angle: PhotoAngle = upload.angle;
    return this.dataSource.transaction(async (manager) => {
      const session = await this.sessions.find(manager, actor, sessionId);
      const missing = await this.consents.missingConsentKinds(manager, actor.organizationId, session.patientId, ['photography'], new Date());
      if (missing.length > 0) throw new RuleViolationError('Photos need the patient’s photography consent', consentMissingViolations(missing));
      const id = randomUUID();
      const storageKey = `${actor.organizationId}/${id}`;
      // The hash is of the stored (stripped) file, which is what is served and checked.
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      // The row first, inside the transaction; the file next: if writing the file fails the row rolls back, and a
      // file without a row is never served.
      await manager.insert(SessionPhoto, {
        id,
        organizationId: actor.organizationId,
        sessionId: session.id,
        patientId: session.patientId,
        phase,
        angle,
        storageKey,
        contentType,
        byteSize: bytes.length,
        sha256,
        uploadedBy: actor.staffMemberId,
      });
      await this.audit.record(manager, actor, {
        action: 'photo.uploaded',
        entityType: 'treatment_session',
        entityId: session.id,
        changes: { photoId: { to: id }, phase: { to: phase }, angle: { to: angle }, sha256: { to: sha256 } },
      });
      await this.storage.put(storageKey, bytes);
      return (await this.list(manager, actor, { photoId: id }))[0];
    });
  }

  /** Lists of photos are audited in the same transaction, with the patient as the entity. */
  async listForSession(actor: Actor, sessionId: string): Promise<SessionPhotoDto[]> {
    return this.dataSource.transaction(async (manager) => {
      // The session check rides on the list's statement (issue 15).
      const found = await sessionPhotoRows(manager, actor.organizationId, sessionId);
      if (!found) throw new NotFoundError('Treatment session', sessionId);
      const photos = found.photos.map(toPhotoDto);
      await this.audit.recordPatientRead(manager, actor, found.patientId, 'photos.listed', { sessionId: { to: sessionId }, count: { to: photos.length } });
      return photos;
    });
  }

  async listForPatient(actor: Actor, patientId: string): Promise<SessionPhotoDto[]> {
    return this.dataSource.transaction(async (manager) => {
      // The patient check rides on the list's statement (issue 15).
      const rows = await patientPhotoRows(manager, actor.organizationId, patientId);
      if (!rows) throw new NotFoundError('Patient', patientId);
      const photos = rows.map(toPhotoDto);
      await this.audit.recordPatientRead(manager, actor, patientId, 'photos.listed', { count: { to: photos.length } });
      return photos;
    });
  }

  /** The image bytes, after checking them against the recorded SHA-256. Every view is audited. */
  async read(actor: Actor, photoId: string): Promise<{ bytes: Buffer; contentType: string }> {
    return this.dataSource.transaction(async (manager) => {
      const photo = await manager.findOneBy(SessionPhoto, { id: photoId, organizationId: actor.organizationId });
      if (!photo) throw new NotFoundError('Photo', photoId);
      const bytes = await this.storage.get(photo.storageKey);
      if (createHash('sha256').update(bytes).digest('hex') !== photo.sha256) {
        throw new DomainError(500, 'photo-integrity', 'Photo altered', 'This photo no longer matches its recorded checksum; it is not shown', { photoId });
      }
      await this.audit.recordPatientRead(manager, actor, photo.patientId, 'photo.viewed', { photoId: { to: photoId }, sessionId: { to: photo.sessionId } });
      return { bytes, contentType: photo.contentType };
    });
  }

  async compare(actor: Actor, sessionA: string, sessionB: string, angle: string): Promise<PhotoComparisonDto> {
    return this.dataSource.transaction((manager) => this.compareWithin(manager, actor, sessionA, sessionB, angle));
  }

  private async compareWithin(manager: EntityManager, actor: Actor, sessionA: string, sessionB: string, angle: string): Promise<PhotoComparisonDto> {
    // Both sessions with their latest photos of the angle, in one statement (issue 15).
    const rows = await comparisonSessions(manager, actor.organizationId, [sessionA, sessionB], angle);
    const a = rows.find((r) => r.id === sessionA);
    if (!a) throw new NotFoundError('Treatment session', sessionA);
    const b = rows.find((r) => r.id === sessionB);
    if (!b) throw new NotFoundError('Treatment session', sessionB);
    if (a.patient_id !== b.patient_id) throw new InvalidFieldError('sessionB', 'must be a session of the same patient as sessionA');
    const side = (row: ComparisonSessionRow): PhotoComparisonSideDto => ({
      sessionId: row.id,
      performedOn: row.performed_on,
      before: row.before ? toPhotoDto(row.before) : null,
      after: row.after ? toPhotoDto(row.after) : null,
    });
    const comparison = { angle, a: side(a), b: side(b) };
    await this.audit.recordPatientRead(manager, actor, a.patient_id, 'photos.compared', { sessionIds: { to: [a.id, b.id] }, angle: { to: angle } });
    return comparison;
  }

  private async list(manager: EntityManager, actor: Actor, by: { photoId?: string; sessionId?: string; patientId?: string }): Promise<SessionPhotoDto[]> {
    return (await photoRows(manager, actor.organizationId, by)).map(toPhotoDto);
  }
}

function toPhotoDto(r: PhotoRow): SessionPhotoDto {
  return {
    id: r.id,
    sessionId: r.sessionId,
    sessionPerformedOn: r.performed_on,
    phase: r.phase,
    angle: r.angle,
    contentType: r.contentType,
    byteSize: r.byteSize,
    sha256: r.sha256,
    uploadedAt: new Date(r.uploadedAt).toISOString(),
    url: `/api/photos/${r.id}`,
  };
}
