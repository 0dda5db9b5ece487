import { Global, Module } from '@nestjs/common';
import { AuditController } from './audit.controller';
import { AuditKeyProvider } from './audit-key.provider';
import { AuditQueryService } from './audit-query.service';
import { AuditVerifyService } from './audit-verify.service';
import { AuditService } from './audit.service';
import { PatientAccessLogController } from './patient-access-log.controller';
import { PatientAccessLogService } from './patient-access-log.service';

@Global()
@Module({
  controllers: [AuditController, PatientAccessLogController],
  providers: [AuditKeyProvider, AuditService, AuditQueryService, AuditVerifyService, PatientAccessLogService],
  exports: [AuditService, AuditQueryService, AuditVerifyService],
})
export class AuditModule {}
