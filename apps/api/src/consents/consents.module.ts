import { Module } from '@nestjs/common';
import { ConsentDocumentsService } from './consent-documents.service';
import { ConsentStatusService } from './consent-status.service';
import { ConsentTemplateDefaults } from './consent-template-defaults';
import { ConsentTemplatesController } from './consent-templates.controller';
import { ConsentTemplatesService } from './consent-templates.service';
import { ConsentsController } from './consents.controller';
import { ConsentsService } from './consents.service';
import { ConsentsTimeline } from './consents.timeline';
import { VisitConsentsController } from './visit-consents.controller';
import { VisitConsentsService } from './visit-consents.service';
import { PreVisitConsentsService } from './pre-visit-consents.service';

/**
 * Consent forms: templates and versions, consent records with e-signature, witness, revocation, PDF and verification.
 * The visit bundle (POST /api/appointments/:id/consents) reads its appointment through scheduling's published view
 * appointment_consent_context. Other modules use ConsentStatusService (valid kinds for a patient at an instant) inside their own transaction, and
 * setup calls ConsentTemplateDefaults to seed a new organization's templates; online-booking's manage link uses
 * PreVisitConsentsService (prepare, read and sign remotely a visit's consents, issue 16).
 */
@Module({
  controllers: [ConsentTemplatesController, ConsentsController, VisitConsentsController],
  providers: [
    ConsentTemplateDefaults,
    ConsentTemplatesService,
    ConsentsService,
    ConsentDocumentsService,
    ConsentStatusService,
    ConsentsTimeline,
    VisitConsentsService,
    PreVisitConsentsService,
  ],
  exports: [ConsentStatusService, ConsentTemplateDefaults, PreVisitConsentsService],
})
export class ConsentsModule {}
