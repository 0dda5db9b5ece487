import { Global, Module } from '@nestjs/common';
import { AuditController } from './audit.controller';
import { AuditKeyProvider } from './audit-key.provider';
import { AuditQueryService } from './audit-query.service';
import { AuditVerifyService } from './audit-verify.service';
import { AuditService } from './audit.service';

@Global()
@Module({
  controllers: [AuditController],
  providers: [AuditKeyProvider, AuditService, AuditQueryService, AuditVerifyService],
  exports: [AuditService, AuditVerifyService],
})
export class AuditModule {}
