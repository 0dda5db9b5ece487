import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../common/access/access-policy.decorator';
import { Origin, type RequestOrigin } from '../common/access/actor';
import { SetupDto, SetupResultDto, SetupStatusDto } from './setup.dto';
import { SetupService } from './setup.service';

@ApiTags('setup')
@Controller('setup')
export class SetupController {
  constructor(private readonly setup: SetupService) {}

  @Get()
  @ApiOperation({ summary: 'Ask whether the clinic still needs setting up' })
  @Public()
  @ApiOkResponse({ type: SetupStatusDto })
  async status(): Promise<SetupStatusDto> {
    return { needsSetup: await this.setup.needsSetup() };
  }

  @Post()
  @ApiOperation({ summary: 'Set up the clinic, its first location and its owner' })
  @Public()
  @ApiCreatedResponse({ type: SetupResultDto })
  @ApiConflictResponse({ description: 'An account already exists' })
  create(@Body() body: SetupDto, @Origin() origin: RequestOrigin): Promise<SetupResultDto> {
    return this.setup.setUp(body, origin);
  }
}
