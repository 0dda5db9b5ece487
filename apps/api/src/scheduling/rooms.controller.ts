import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../common/access/access-policy.decorator';
import { CurrentActor, type Actor } from '../common/access/actor';
import { IdParam } from '../common/dto/id-param';
import { CreateRoomDto, RoomDto, RoomListQueryDto, UpdateRoomDto } from './catalog.dto';
import { CatalogService } from './catalog.service';
import { Idempotent } from '../common/idempotency/idempotent.decorator';

@ApiTags('scheduling')
@Controller('rooms')
export class RoomsController {
  constructor(private readonly catalog: CatalogService) {}

  @Get()
  @ApiOperation({ summary: 'List rooms' })
  @RequirePermission('schedule.read')
  @ApiOkResponse({ type: [RoomDto] })
  list(@CurrentActor() actor: Actor, @Query() query: RoomListQueryDto): Promise<RoomDto[]> {
    return this.catalog.listRooms(actor, query.locationId);
  }

  @Post()
  @ApiOperation({ summary: 'Add a room' })
  @Idempotent()
  @RequirePermission('schedule.manage')
  @ApiCreatedResponse({ type: RoomDto })
  create(@CurrentActor() actor: Actor, @Body() body: CreateRoomDto): Promise<RoomDto> {
    return this.catalog.createRoom(actor, body);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a room' })
  @RequirePermission('schedule.manage')
  @ApiOkResponse({ type: RoomDto })
  update(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: UpdateRoomDto): Promise<RoomDto> {
    return this.catalog.updateRoom(actor, id, body);
  }
}
