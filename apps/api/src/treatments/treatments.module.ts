import { TreatmentRecordHolder } from './treatments.record-holder';
import { Module } from '@nestjs/common';
import { ConsentsModule } from '../consents/consents.module';
import { InventoryModule } from '../inventory/inventory.module';
import { PatientsModule } from '../patients/patients.module';
import { SchedulingModule } from '../scheduling/scheduling.module';
import { SettingsModule } from '../settings/settings.module';
import { AdverseEventsController } from './adverse-events.controller';
import { AdverseEventsService } from './adverse-events.service';
import { AssessmentsController } from './assessments.controller';
import { AssessmentsService } from './assessments.service';
import { ExposureController } from './exposure.controller';
import { ExposureService } from './exposure.service';
import { FileSystemPhotoStorage, PHOTO_STORAGE } from './photo-storage';
import { PreflightService } from './preflight.service';
import { SessionPhotosController } from './session-photos.controller';
import { SessionPhotosService } from './session-photos.service';
import { TreatmentSessionViews } from './treatment-session-views';
import { TreatmentSessionsController } from './treatment-sessions.controller';
import { TreatmentSessionsService } from './treatment-sessions.service';
import { TreatmentSettingsController } from './treatment-settings.controller';
import { TreatmentSettingsService } from './treatment-settings.service';
import { TreatmentsTimeline } from './treatments.timeline';
import { TreatmentTemplatesController } from './treatment-templates.controller';
import { TreatmentTemplatesService } from './treatment-templates.service';
import { SessionRecordPdfService } from './session-record-pdf.service';
import { SessionRepeatService } from './session-repeat.service';

/**
 * Treatment sessions: the preflight that guards needling, the charted and signed record, second cartridges, addenda,
 * adverse events, and the exposure reports a recall needs. Uses inventory's ledger for cartridge use in the session's
 * own transaction, and the patients module's screening for contraindications.
 */
@Module({
  imports: [InventoryModule, PatientsModule, ConsentsModule, SchedulingModule, SettingsModule],
  controllers: [TreatmentSessionsController, AdverseEventsController, ExposureController, TreatmentSettingsController, SessionPhotosController, AssessmentsController, TreatmentTemplatesController],
  providers: [
    TreatmentRecordHolder,
    TreatmentSettingsService,
    PreflightService,
    TreatmentSessionViews,
    TreatmentSessionsService,
    AdverseEventsService,
    ExposureService,
    TreatmentsTimeline,
    SessionPhotosService,
    AssessmentsService,
    TreatmentTemplatesService,
    SessionRecordPdfService,
    SessionRepeatService,
    { provide: PHOTO_STORAGE, useClass: FileSystemPhotoStorage },
  ],
  exports: [PreflightService, TreatmentSessionViews],
})
export class TreatmentsModule {}
