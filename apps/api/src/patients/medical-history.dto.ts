import { ApiProperty } from '@nestjs/swagger';
import { MEDICAL_HISTORY_FIELDS, type MedicalHistoryAnswers, type MedicalHistoryFieldInfo } from '@skinledger/domain';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsString, Length, MaxLength, ValidateIf, ValidateNested } from 'class-validator';
import { IsCalendarDate } from '../common/dto/is-calendar-date';
import { AllergyDto } from './patient.dto';

/**
 * The medical-history questionnaire, exactly the MedicalHistoryAnswers shape of libs/domain (domain.md section 4).
 * Every field is required: a yes/no question as true or false, a time window as the date of the last exposure or
 * null, so a form that forgot a question is refused rather than read as "no".
 */
export class MedicalHistoryAnswersDto implements MedicalHistoryAnswers {
  activeSkinCancerInArea!: boolean;
  openWoundsOrIrritatedSkinInArea!: boolean;
  activeInfectionInArea!: boolean;
  activeHerpesOutbreak!: boolean;
  wartsInArea!: boolean;
  activeInflammatoryAcneInArea!: boolean;
  pregnantOrBreastfeeding!: boolean;
  isotretinoinLastDoseOn!: string | null;
  bleedingDisorder!: boolean;
  sclerodermaOrCollagenVascularDisease!: boolean;
  nickelOrStainlessSteelAllergy!: boolean;
  keloidHistory!: boolean;
  eczemaPsoriasisOrRosaceaInArea!: boolean;
  uncontrolledDiabetes!: boolean;
  anticoagulantsOrAntiplatelets!: boolean;
  immunosuppressed!: boolean;
  herpesSimplexHistory!: boolean;
  radiationToAreaLastOn!: string | null;
  dermalFillerInAreaLastOn!: string | null;
  botulinumToxinLastOn!: string | null;
  chemicalPeelLastOn!: string | null;
  laserOrIplLastOn!: string | null;
  sunburnLastOn!: string | null;
  topicalRetinoidLastOn!: string | null;
  waxingLastOn!: string | null;
  scarInAreaFormedOn!: string | null;
  medications!: string[];
  allergies!: AllergyDto[];
  freeText!: string;
}

/** Validation and documentation per field, from the domain's field list, so the DTO cannot drift from it. */
function decorate(info: MedicalHistoryFieldInfo): PropertyDecorator[] {
  const description = info.help ? `${info.label}. ${info.help}` : info.label;
  switch (info.input) {
    case 'boolean':
      return [ApiProperty({ type: Boolean, description }), IsBoolean({ message: `${info.field} must be true or false` })];
    case 'date':
      // Required but nullable: null means never; a missing answer is refused like a malformed date.
      return [
        ApiProperty({ type: String, format: 'date', nullable: true, description: `${description} As YYYY-MM-DD; null for never or none.` }),
        ValidateIf((_, value) => value !== null),
        IsCalendarDate({ message: `${info.field} must be a calendar date written YYYY-MM-DD, or null when never` }),
      ];
    case 'text_list':
      return [
        ApiProperty({ type: [String], description, example: ['aspirin 81 mg'] }),
        IsArray(),
        ArrayMaxSize(100),
        IsString({ each: true }),
        Length(1, 200, { each: true, message: `each entry of ${info.field} must be 1 to 200 characters` }),
      ];
    case 'allergy_list':
      return [ApiProperty({ type: [AllergyDto], description }), IsArray(), ArrayMaxSize(50), ValidateNested({ each: true }), Type(() => AllergyDto)];
    case 'text':
      return [ApiProperty({ type: String, description }), IsString(), MaxLength(10000)];
  }
}
for (const info of MEDICAL_HISTORY_FIELDS) {
  for (const decorator of decorate(info)) decorator(MedicalHistoryAnswersDto.prototype, info.field);
}

export class MedicalHistoryVersionSummaryDto {
  @ApiProperty({ example: 3 }) version!: number;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The staff member who recorded it; null when the patient filled it in herself' })
  recordedById!: string | null;
  @ApiProperty({ example: 'Tom Alvarez', description: 'Empty when the patient filled it in herself' }) recordedByName!: string;
  @ApiProperty({
    enum: ['staff', 'patient'],
    description: "'patient': filled in by the patient through her manage link before the visit — patient-reported, review it at check-in",
  })
  source!: 'staff' | 'patient';
}

export class MedicalHistoryVersionDto extends MedicalHistoryVersionSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) patientId!: string;
  @ApiProperty({ type: MedicalHistoryAnswersDto }) answers!: MedicalHistoryAnswersDto;
}

export class MedicalHistoryDto {
  @ApiProperty({ type: MedicalHistoryVersionDto, nullable: true, description: 'The latest version; null when none is on file' })
  current!: MedicalHistoryVersionDto | null;
  @ApiProperty({ type: [MedicalHistoryVersionSummaryDto], description: 'Every version, newest first' })
  versions!: MedicalHistoryVersionSummaryDto[];
}
