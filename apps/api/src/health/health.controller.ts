import { Controller, Get, HttpCode } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Public } from '../common/access/access-policy.decorator';
import { DatabaseUnavailableError, DomainError } from '../common/problems/domain-error';
import { checkReadiness } from './readiness-check';

export class HealthDto {
  @ApiProperty({ example: 'ok' }) status!: string;
}

export class ReadinessDto extends HealthDto {
  @ApiProperty() database!: boolean;
  @ApiProperty() migrationsApplied!: boolean;
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Liveness: the process answers. */
  @Get()
  @ApiOperation({ summary: 'Check the server is running' })
  @Public()
  @ApiOkResponse({ type: HealthDto })
  live(): HealthDto {
    return { status: 'ok' };
  }

  /** Readiness: the database answers and every migration in this build has been applied; bounded to ~2 s either way. */
  @Get('ready')
  @ApiOperation({ summary: 'Check the server is ready (database and migrations)' })
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: ReadinessDto })
  @ApiServiceUnavailableResponse({ description: 'Database unreachable or migrations pending' })
  async ready(): Promise<ReadinessDto> {
    const { database, migrationsApplied } = await checkReadiness(this.dataSource);
    if (!database || !migrationsApplied) {
      throw new DomainError(503, 'not-ready', 'Service Unavailable', database ? 'Migrations are pending' : 'The database is unreachable', {
        database,
        migrationsApplied,
        retryAfterSeconds: DatabaseUnavailableError.retryAfterSeconds,
      });
    }
    return { status: 'ok', database, migrationsApplied };
  }
}
