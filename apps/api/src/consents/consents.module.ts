import { Module } from '@nestjs/common';
import { ConsentDocumentsService } from './consent-documents.service';
import { ConsentStatusService } from './consent-status.service';
import { ConsentTemplateDefaults } from './consent-template-defaults';
import { ConsentTemplatesController } from './consent-templates.controller';
import { ConsentTemplatesService } from './consent-templates.service';
import { ConsentsController } from './consents.controller';
import { ConsentsService } from './consents.service';
import { ConsentsTimeline } from './consents.timeline';

/**
 * Consent forms: templates and versions, consent records with e-signature, witness, revocation, PDF and verification.
 * Other modules use ConsentStatusService (valid kinds for a patient at an instant) inside their own transaction, and
 * setup calls ConsentTemplateDefaults to seed a new organization's templates.
 */
@Module({
  controllers: [ConsentTemplatesController, ConsentsController],
  providers: [
    ConsentTemplateDefaults,
    ConsentTemplatesService,
    ConsentsService,
    ConsentDocumentsService,
    ConsentStatusService,
    ConsentsTimeline,
  ],
  exports: [ConsentStatusService, ConsentTemplateDefaults],
})
export class ConsentsModule {}
