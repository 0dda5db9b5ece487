import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { CONSENT_KINDS, type ConsentKind } from '@skinledger/domain';
import { IsCalendarDate } from '../common/dto/is-calendar-date';
import { ConsentAcknowledgementDto } from '../consents/consent-templates.dto';
import { SignConsentDto } from '../consents/consents.dto';
import { MedicalHistoryAnswersDto } from '../patients/medical-history.dto';

/** One question of the medical-history questionnaire, from libs/domain MEDICAL_HISTORY_FIELDS (the staff form's own list). */
export class PreVisitQuestionDto {
  @ApiProperty({ example: 'isotretinoinLastDoseOn', description: 'The answer’s key in MedicalHistoryAnswers' }) field!: string;
  @ApiProperty({ example: 'Last dose of oral isotretinoin (e.g. Accutane)' }) label!: string;
  @ApiProperty({ enum: ['absolute', 'relative', 'time_window', 'other'], description: 'Where the question sits on the form' }) section!: string;
  @ApiProperty({ enum: ['boolean', 'date', 'text_list', 'allergy_list', 'text'], description: 'How to ask it (date: YYYY-MM-DD or null for never)' })
  input!: string;
  @ApiPropertyOptional() help?: string;
}

export class PreVisitHistoryOnFileDto {
  @ApiProperty({ type: 'integer' }) version!: number;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
  @ApiProperty({ type: MedicalHistoryAnswersDto }) answers!: MedicalHistoryAnswersDto;
}

export class PreVisitMedicalHistoryDto {
  @ApiProperty({ type: [PreVisitQuestionDto], description: 'Every question, in form order; every answer is required (PUT …/medical-history)' })
  questions!: PreVisitQuestionDto[];
  @ApiProperty({
    type: PreVisitHistoryOnFileDto,
    nullable: true,
    description:
      'The answers she last gave through this form, to start from; null when she has not, or when the clinic recorded a newer version since (a staff-recorded history is never shown on the public side: it may hold the clinic’s notes)',
  })
  yourLastAnswers!: PreVisitHistoryOnFileDto | null;
  @ApiProperty({ description: 'The clinic has a medical history on file for her (its content is not shown here)' }) onFile!: boolean;
}

/** A consent of the visit as the patient reads and signs it before the visit. */
export class PreVisitConsentDto {
  @ApiProperty({ format: 'uuid', description: 'The consentId to sign with' }) id!: string;
  @ApiProperty({ enum: CONSENT_KINDS }) kind!: ConsentKind;
  @ApiProperty() title!: string;
  @ApiProperty({ description: 'The text she signs (markdown), her name and the practitioner filled in' }) body!: string;
  @ApiProperty({ type: [ConsentAcknowledgementDto], description: 'What she ticks; each required one must be ticked' })
  acknowledgements!: ConsentAcknowledgementDto[];
  @ApiProperty({ example: 'Dr Maya Chen' }) practitionerName!: string;
  @ApiProperty() signed!: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) signedAt!: string | null;
  @ApiProperty({ description: 'Signed through this link (not at the clinic)' }) signedRemotely!: boolean;
  @ApiProperty({ description: 'The form asks a witness: when signed at home, a staff member witnesses it at check-in' }) witnessRequired!: boolean;
  @ApiProperty({ description: 'Already witnessed by the clinic' }) witnessed!: boolean;
}

export class PreVisitFormsDto {
  @ApiProperty({ format: 'uuid' }) appointmentId!: string;
  @ApiProperty({ type: PreVisitMedicalHistoryDto }) medicalHistory!: PreVisitMedicalHistoryDto;
  @ApiProperty({ type: [PreVisitConsentDto], description: 'The consents the appointment’s service needs, prepared for this visit' })
  consents!: PreVisitConsentDto[];
}

export class PreVisitHistoryRecordedDto {
  @ApiProperty({ type: 'integer' }) version!: number;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
  @ApiProperty({ enum: ['patient'], description: 'Always patient: staff see it as patient-reported, to review at check-in' }) source!: 'patient';
  @ApiProperty({ description: 'The treatment cannot go ahead on the appointment’s date: the clinic has been told' }) treatmentMustWait!: boolean;
  @ApiProperty({ example: 'From your answers, your treatment on Dec 20, 2026 has to wait: it can be done from Mar 1, 2027. …', description: 'What to tell her, in plain words' })
  message!: string;
  @ApiPropertyOptional({ format: 'date', description: 'When it must wait for time windows only: the first day the treatment could be done' })
  eligibleFrom?: string;
}

export class SignPreVisitConsentDto extends OmitType(SignConsentDto, ['witness'] as const) {
  @ApiProperty({ format: 'date', example: '1990-04-12', description: 'Her date of birth, checked against her record before the signature is taken' })
  @IsCalendarDate({ message: 'dateOfBirth must be a calendar date written YYYY-MM-DD' })
  dateOfBirth!: string;
}

export class PreVisitSignedConsentDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ format: 'date-time' }) signedAt!: string;
  @ApiProperty({ description: 'Always true here' }) signedRemotely!: boolean;
  @ApiProperty({ description: 'SHA-256 (hex) of the exact signed content, for her records' }) contentHash!: string;
  @ApiProperty({ description: 'A staff member still witnesses it at check-in' }) witnessRequired!: boolean;
}

export class SendFormsResultDto {
  @ApiProperty({ format: 'uuid' }) appointmentId!: string;
  @ApiProperty({ description: 'The e-mail with the manage link was queued in the outbox' }) queued!: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'Where it goes; null when the patient has no e-mail address (call her instead)' })
  recipient!: string | null;
  @ApiProperty({ type: 'integer', description: 'Consents prepared or awaiting her for this visit' }) consentsToSign!: number;
}
