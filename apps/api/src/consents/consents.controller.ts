import { Body, Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { PasswordThrottled } from '../common/problems/password-throttled.decorator';
import type { FastifyReply } from 'fastify';
import { RequirePermission } from '../common/access/access-policy.decorator';
import { CurrentActor, Origin, type Actor, type RequestOrigin } from '../common/access/actor';
import { IdParam } from '../common/dto/id-param';
import { ConsentDocumentsService } from './consent-documents.service';
import {
  ConsentDetailDto,
  ConsentDto,
  ConsentVerificationDto,
  CreateConsentDto,
  PatientConsentsQueryDto,
  RevokeConsentDto,
  SignConsentDto,
  StaffPasswordDto,
  WitnessConsentsDto,
  WitnessedConsentsDto,
} from './consents.dto';
import { ConsentsService } from './consents.service';
import { Idempotent } from '../common/idempotency/idempotent.decorator';

@ApiTags('consents')
@Controller()
export class ConsentsController {
  constructor(
    private readonly consents: ConsentsService,
    private readonly documents: ConsentDocumentsService,
  ) {}

  @Post('patients/:id/consents')
  @ApiOperation({ summary: 'Prepare a consent for a patient' })
  @Idempotent()
  @RequirePermission('consents.prepare')
  @ApiCreatedResponse({ type: ConsentDetailDto, description: "A pending consent: the template's current version rendered with the patient's data" })
  create(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: CreateConsentDto): Promise<ConsentDetailDto> {
    return this.consents.create(actor, id, body);
  }

  @Get('patients/:id/consents')
  @ApiOperation({ summary: 'List a patient\'s consents' })
  @RequirePermission('consents.read')
  @ApiOkResponse({ type: [ConsentDto], description: 'Newest first, each with its status now' })
  list(@CurrentActor() actor: Actor, @IdParam() id: string, @Query() query: PatientConsentsQueryDto): Promise<ConsentDto[]> {
    return this.consents.listForPatient(actor, id, query);
  }

  @Get('consents/:id')
  @ApiOperation({ summary: 'Get a consent' })
  @RequirePermission('consents.read')
  @ApiOkResponse({ type: ConsentDetailDto })
  get(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<ConsentDetailDto> {
    return this.consents.get(actor, id);
  }

  @Post('consents/:id/sign')
  @ApiOperation({ summary: 'Sign a consent (patient at the kiosk)' })
  @HttpCode(200)
  @RequirePermission('consents.prepare')
  @ApiOkResponse({ type: ConsentDetailDto, description: 'Signed: the content is frozen and hashed; IP and user agent recorded' })
  sign(@CurrentActor() actor: Actor, @Origin() origin: RequestOrigin, @IdParam() id: string, @Body() body: SignConsentDto): Promise<ConsentDetailDto> {
    return this.consents.sign(actor, origin, id, body);
  }

  @Post('consents/:id/witness')
  @ApiOperation({ summary: 'Witness a signed consent' })
  @PasswordThrottled()
  @HttpCode(200)
  @RequirePermission('consents.prepare')
  @ApiOkResponse({ type: ConsentDetailDto, description: 'The signed-in staff member, re-entering their password, witnesses the signature' })
  witness(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: StaffPasswordDto): Promise<ConsentDetailDto> {
    return this.consents.witness(actor, id, body.password);
  }

  @Post('consents/witness')
  @ApiOperation({ summary: 'Witness a visit\'s signed consents in one step' })
  @PasswordThrottled()
  @HttpCode(200)
  @RequirePermission('consents.prepare')
  @ApiOkResponse({
    type: WitnessedConsentsDto,
    description:
      "One witness step for one kiosk session: the password is checked once, then every consent is witnessed in one transaction (each audited), or none is",
  })
  witnessAll(@CurrentActor() actor: Actor, @Body() body: WitnessConsentsDto): Promise<WitnessedConsentsDto> {
    return this.consents.witnessAll(actor, body.consentIds, body.password);
  }

  @Post('consents/:id/revoke')
  @ApiOperation({ summary: 'Record that a patient withdrew a consent' })
  @HttpCode(200)
  @RequirePermission('consents.revoke')
  @ApiOkResponse({ type: ConsentDetailDto, description: 'Withdrawal recorded (who, when, why); the signed content is untouched' })
  revoke(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: RevokeConsentDto): Promise<ConsentDetailDto> {
    return this.consents.revoke(actor, id, body);
  }

  @Post('consents/:id/kiosk-exit')
  @ApiOperation({ summary: 'Leave the signing kiosk (staff password)' })
  @PasswordThrottled()
  @HttpCode(204)
  @RequirePermission('consents.prepare')
  @ApiNoContentResponse({ description: 'Staff took the tablet back from the signing kiosk (password re-entered); audited' })
  async kioskExit(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: StaffPasswordDto): Promise<void> {
    await this.consents.closeKiosk(actor, id, body.password);
  }

  @Get('consents/:id/verify')
  @ApiOperation({ summary: 'Verify a signed consent\'s hashes' })
  @RequirePermission('consents.read')
  @ApiOkResponse({ type: ConsentVerificationDto, description: 'Recomputes the hashes from the stored record' })
  verify(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<ConsentVerificationDto> {
    return this.consents.verify(actor, id);
  }

  @Get('consents/:id/pdf')
  @ApiOperation({ summary: 'Download a signed consent as PDF' })
  @RequirePermission('consents.read')
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The signed document and its certificate page', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } })
  async pdf(@CurrentActor() actor: Actor, @IdParam() id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    const { fileName, pdf } = await this.documents.pdf(actor, id);
    void reply.header('Content-Type', 'application/pdf');
    void reply.header('Content-Disposition', `attachment; filename="${fileName}"`);
    void reply.header('Cache-Control', 'no-store');
    return pdf;
  }
}
