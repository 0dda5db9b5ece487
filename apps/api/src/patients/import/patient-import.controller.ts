import { Controller, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CsvBody } from '../../common/http/csv-body';
import { RequirePermission } from '../../common/access/access-policy.decorator';
import { CurrentActor, type Actor } from '../../common/access/actor';
import { PatientImportQueryDto, PatientImportReportDto } from './patient-import.dto';
import { PATIENT_CSV_COLUMNS } from '@skinledger/domain';
import { PatientImportService } from './patient-import.service';
import { Idempotent } from '../../common/idempotency/idempotent.decorator';

@ApiTags('patients')
@Controller('patients/import')
export class PatientImportController {
  constructor(private readonly imports: PatientImportService) {}

  @Post()
  @ApiOperation({ summary: 'Import patients from a CSV file' })
  @Idempotent()
  @HttpCode(200)
  @RequirePermission('patients.import')
  @ApiConsumes('text/csv')
  @ApiBody({
    description:
      'A CSV file (RFC 4180, header row first, at most 5 MB) as spreadsheets save it: separated by commas, semicolons or tabs, in ' +
      'UTF-8 (with or without a byte-order mark), UTF-16 with a byte-order mark, or Windows-1252; the report names what was detected. ' +
      `Columns: ${PATIENT_CSV_COLUMNS.join(', ')}; ` +
      'firstName, lastName and dateOfBirth (YYYY-MM-DD) are required. Lists (allergies, tags) are separated by ";"; ' +
      'an allergy may name its class after a colon ("Surgical steel: nickel").',
    schema: { type: 'string', example: 'externalId,firstName,lastName,dateOfBirth,phone,email\nA-1001,Margaret,Thompson,1984-03-12,(212) 555-0100,margaret@example.com\n' },
  })
  @ApiOkResponse({ type: PatientImportReportDto })
  import(@CurrentActor() actor: Actor, @Query() query: PatientImportQueryDto, @CsvBody() body: Buffer): Promise<PatientImportReportDto> {
    return this.imports.import(actor, body, query.dryRun ?? true);
  }
}
