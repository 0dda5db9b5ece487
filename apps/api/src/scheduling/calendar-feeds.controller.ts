import { Controller, Delete, Get, Header, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Public, RequirePermission } from '../common/access/access-policy.decorator';
import { CurrentActor, type Actor } from '../common/access/actor';
import { IdParam } from '../common/dto/id-param';
import { NotFoundError } from '../common/problems/domain-error';
import { CalendarFeedsService } from './calendar-feeds.service';

export class CalendarFeedDto {
  @ApiProperty({ description: 'The secret; shown only now. Anyone with the URL reads the practitioner’s appointments (initials and service only).' })
  token!: string;
  @ApiProperty({ example: '/api/calendar-feeds/abc….ics' }) path!: string;
}

@ApiTags('scheduling')
@Controller()
export class CalendarFeedsController {
  constructor(private readonly feeds: CalendarFeedsService) {}

  @Post('staff/:id/calendar-feed')
  @ApiOperation({ summary: 'Create a new calendar feed link for a practitioner' })
  @RequirePermission('schedule.read')
  @ApiCreatedResponse({ type: CalendarFeedDto, description: 'A new secret URL; the previous one stops working' })
  rotate(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<CalendarFeedDto> {
    return this.feeds.rotate(actor, id);
  }

  @Delete('staff/:id/calendar-feed')
  @ApiOperation({ summary: 'Turn off a practitioner\'s calendar feed' })
  @HttpCode(204)
  @RequirePermission('schedule.read')
  @ApiNoContentResponse()
  revoke(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<void> {
    return this.feeds.revoke(actor, id);
  }

  // Public by necessity: phone calendars fetch the feed without a session. The secret token in the URL is the
  // credential (256 bits, stored only as SHA-256, revocable); the feed holds initials and service names only.
  @Get('calendar-feeds/:file')
  @ApiOperation({ summary: 'Get a practitioner\'s calendar feed (iCalendar)' })
  @Public()
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  @ApiProduces('text/calendar')
  @ApiOkResponse({ description: 'iCalendar (RFC 5545)' })
  feed(@Param('file') file: string): Promise<string> {
    const match = /^([A-Za-z0-9_-]{43})\.ics$/.exec(file);
    if (!match) throw new NotFoundError('Calendar feed');
    return this.feeds.render(match[1]);
  }
}
