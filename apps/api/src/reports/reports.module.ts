import { Module } from '@nestjs/common';
import { ConsentsModule } from '../consents/consents.module';
import { PatientsModule } from '../patients/patients.module';
import { ConsentCoverageService } from './consent-coverage.service';
import { AppointmentsReportService } from './appointments-report.service';
import { CartridgesReportService } from './cartridges.service';
import { OutcomesByDepthService } from './outcomes-by-depth.service';
import { SafetyReportService } from './safety-report.service';
import { ReportsController } from './reports.controller';

/**
 * Clinic reports (issue 17): aggregates over what the other modules publish as views (treatments' course facts and
 * scores, …). The reports module owns no clinical table and writes nothing clinical.
 */
@Module({
  imports: [ConsentsModule, PatientsModule],
  controllers: [ReportsController],
  providers: [OutcomesByDepthService, CartridgesReportService, AppointmentsReportService, SafetyReportService, ConsentCoverageService],
})
export class ReportsModule {}
