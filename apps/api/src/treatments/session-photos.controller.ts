import { Controller, Get, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { RequirePermission } from '../common/access/access-policy.decorator';
import { CurrentActor, type Actor } from '../common/access/actor';
import { IdParam } from '../common/dto/id-param';
import { InvalidFieldError } from '../common/problems/domain-error';
import { readMultipartForm, type MultipartLimits } from '../common/http/multipart-body';
import { PhotoComparisonDto, PhotoComparisonQueryDto, SessionPhotoDto } from './session-photos.dto';
import { SessionPhotosService, type PhotoUpload } from './session-photos.service';
import { Idempotent } from '../common/idempotency/idempotent.decorator';

/** A photo upload: one file of up to 15 MB and the fields phase and angle, in any order. */
const PHOTO_UPLOAD_LIMITS: MultipartLimits = { fileSizeBytes: 15 * 1024 * 1024, fields: 5, fieldSizeBytes: 1024 };

async function readUpload(request: FastifyRequest): Promise<PhotoUpload> {
  if (!request.multipartPayload) throw new InvalidFieldError('file', 'send the photo as multipart/form-data with fields phase, angle and file');
  const form = await readMultipartForm(request, PHOTO_UPLOAD_LIMITS);
  if (form.fileCount !== 1 || !form.file) throw new InvalidFieldError('file', 'exactly one image file is required');
  return { phase: form.fields.phase, angle: form.fields.angle, bytes: form.file.bytes };
}

@ApiTags('photos')
@Controller()
export class SessionPhotosController {
  constructor(private readonly photos: SessionPhotosService) {}

  @Post('treatment-sessions/:id/photos')
  @ApiOperation({ summary: 'Upload a clinical photo of a session' })
  @Idempotent()
  @RequirePermission('treatment.record')
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['phase', 'angle', 'file'],
      properties: {
        phase: { type: 'string', enum: ['before', 'after'] },
        angle: { type: 'string', enum: ['front', 'left45', 'right45', 'left90', 'right90'] },
        file: { type: 'string', format: 'binary', description: 'JPEG, PNG or WebP, up to 15 MB' },
      },
    },
  })
  @ApiCreatedResponse({ type: SessionPhotoDto, description: 'Refused (422) without a valid photography consent' })
  async upload(@CurrentActor() actor: Actor, @IdParam() id: string, @Req() request: FastifyRequest): Promise<SessionPhotoDto> {
    return this.photos.upload(actor, id, await readUpload(request));
  }

  @Get('treatment-sessions/:id/photos')
  @ApiOperation({ summary: 'List a session\'s photos' })
  @RequirePermission('clinical_record.read')
  @ApiOkResponse({ type: [SessionPhotoDto] })
  listForSession(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<SessionPhotoDto[]> {
    return this.photos.listForSession(actor, id);
  }

  @Get('patients/:id/photos')
  @ApiOperation({ summary: 'List a patient\'s photos' })
  @RequirePermission('clinical_record.read')
  @ApiOkResponse({ type: [SessionPhotoDto] })
  listForPatient(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<SessionPhotoDto[]> {
    return this.photos.listForPatient(actor, id);
  }

  @Get('photos/compare')
  @ApiOperation({ summary: 'Compare two sessions\' photos side by side' })
  @RequirePermission('clinical_record.read')
  @ApiOkResponse({ type: PhotoComparisonDto, description: 'Two sessions of one patient side by side at one angle' })
  compare(@CurrentActor() actor: Actor, @Query() query: PhotoComparisonQueryDto): Promise<PhotoComparisonDto> {
    return this.photos.compare(actor, query.sessionA, query.sessionB, query.angle);
  }

  @Get('photos/:id')
  @ApiOperation({ summary: 'Get a photo\'s image' })
  @RequirePermission('clinical_record.read')
  @ApiProduces('image/jpeg', 'image/png', 'image/webp')
  @ApiOkResponse({ description: 'The image, checked against its SHA-256; never cached by shared caches' })
  async image(@CurrentActor() actor: Actor, @IdParam() id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    const { bytes, contentType } = await this.photos.read(actor, id);
    void reply.header('Content-Type', contentType);
    void reply.header('Cache-Control', 'private, no-store');
    return bytes;
  }
}
