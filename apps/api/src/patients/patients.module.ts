import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { SettingsModule } from '../settings/settings.module';
import { PatientHistoryRecordHolder } from './duplicates/patient-history.record-holder';
import { PossibleDuplicatesController } from './duplicates/possible-duplicates.controller';
import { PossibleDuplicatesService } from './duplicates/possible-duplicates.service';
import { EligibilityService } from './eligibility.service';
import { PatientImportController } from './import/patient-import.controller';
import { PatientImportService } from './import/patient-import.service';
import { MedicalHistoryService } from './medical-history.service';
import { PatientClinicalController } from './patient-clinical.controller';
import { PatientExportService } from './patient-export.service';
import { PatientSearchService } from './patient-search.service';
import { PatientsController } from './patients.controller';
import { PatientsService } from './patients.service';
import { MedicalHistoryTimeline } from './timeline/medical-history.timeline';
import { PatientRecordTimeline } from './timeline/patient-record.timeline';
import { TimelineService } from './timeline/timeline.service';

@Module({
  imports: [DiscoveryModule, SettingsModule],
  controllers: [PatientImportController, PossibleDuplicatesController, PatientsController, PatientClinicalController],
  providers: [
    PatientsService,
    PatientSearchService,
    MedicalHistoryService,
    EligibilityService,
    TimelineService,
    PatientExportService,
    PatientImportService,
    PatientRecordTimeline,
    MedicalHistoryTimeline,
    PossibleDuplicatesService,
    PatientHistoryRecordHolder,
  ],
  exports: [PatientsService, MedicalHistoryService, EligibilityService, TimelineService],
})
export class PatientsModule {}
