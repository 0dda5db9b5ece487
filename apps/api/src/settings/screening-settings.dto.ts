import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SCREENING_RULE_CODES, WINDOW_RULE_CODES, type RuleSeverity, type ScreeningRuleCode, type WindowLength, type WindowRuleCode } from '@skinledger/domain';
import { ArrayMaxSize, IsArray, IsInt, IsObject, IsOptional, IsString, Length, ValidateBy } from 'class-validator';

const SEVERITIES = ['absolute', 'relative', 'off'] as const;

const severityMapSchema = {
  type: 'object' as const,
  description: `Rule code (${SCREENING_RULE_CODES.join(', ')}) to absolute (blocks), relative (warns) or off`,
  additionalProperties: { type: 'string', enum: [...SEVERITIES] },
  example: { keloid_history: 'absolute' },
};

const windowMapSchema = {
  type: 'object' as const,
  description: `Window code (${WINDOW_RULE_CODES.join(', ')}) to a length in whole days or months`,
  additionalProperties: {
    type: 'object',
    properties: { days: { type: 'integer', minimum: 0 }, months: { type: 'integer', minimum: 0 } },
  },
  example: { isotretinoin_window: { months: 12 } },
};

/** Each window is `{days: n}` or `{months: n}`; the domain's validator checks the codes and numbers. */
const IsWindowLengths = () =>
  ValidateBy({
    name: 'isWindowLengths',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        Object.values(value).every((length: unknown) => {
          if (typeof length !== 'object' || length === null || Array.isArray(length)) return false;
          const keys = Object.keys(length);
          return keys.length === 1 && (keys[0] === 'days' || keys[0] === 'months');
        }),
      defaultMessage: () => 'windows must map each window code to {"days": n} or {"months": n}',
    },
  });

/**
 * An organization's screening overrides: any subset, merged rule by rule over the defaults of domain.md section 4.
 * A PUT replaces the whole override; send {} to return to the defaults.
 */
export class ScreeningSettingsInputDto {
  @ApiPropertyOptional(severityMapSchema)
  @IsOptional()
  @IsObject({ message: 'severity must be an object of rule code to severity' })
  severity?: Partial<Record<ScreeningRuleCode, RuleSeverity>>;

  @ApiPropertyOptional({
    type: 'object',
    description: 'Severities for one procedure kind (cosmetic or medical) that take precedence, e.g. relax a rule for cosmetic needling',
    additionalProperties: { type: 'object', additionalProperties: { type: 'string', enum: [...SEVERITIES] } },
    example: { cosmetic: { isotretinoin_window: 'relative' } },
  })
  @IsOptional()
  @IsObject({ message: 'severityByProcedure must be an object of procedure kind to severities' })
  severityByProcedure?: Partial<Record<'cosmetic' | 'medical', Partial<Record<ScreeningRuleCode, RuleSeverity>>>>;

  @ApiPropertyOptional(windowMapSchema)
  @IsOptional()
  @IsWindowLengths()
  windows?: Partial<Record<WindowRuleCode, WindowLength>>;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, description: 'A history older than this many days is a warning (default 90)' })
  @IsOptional()
  @IsInt({ message: 'historyMaxAgeDays must be a whole number of days' })
  historyMaxAgeDays?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 6, description: 'Phototypes from this one up warn of hyperpigmentation risk (default 5 = V)' })
  @IsOptional()
  @IsInt({ message: 'pihRiskMinFitzpatrickType must be a whole number from 1 to 6' })
  pihRiskMinFitzpatrickType?: 1 | 2 | 3 | 4 | 5 | 6;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, description: 'Antiviral prophylaxis starts this many days before treatment (default 2)' })
  @IsOptional()
  @IsInt({ message: 'antiviralProphylaxisDaysBefore must be a whole number of days' })
  antiviralProphylaxisDaysBefore?: number;

  @ApiPropertyOptional({ type: [String], description: 'Medication names that mean an anticoagulant or antiplatelet (replaces the default list)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  anticoagulantMedicationNames?: string[];

  @ApiPropertyOptional({ type: [String], description: 'Medication names that mean oral isotretinoin (replaces the default list)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  isotretinoinMedicationNames?: string[];
}

export class EffectiveScreeningSettingsDto {
  @ApiProperty(severityMapSchema) severity!: Record<ScreeningRuleCode, RuleSeverity>;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'object', additionalProperties: { type: 'string', enum: [...SEVERITIES] } } })
  severityByProcedure!: Partial<Record<'cosmetic' | 'medical', Partial<Record<ScreeningRuleCode, RuleSeverity>>>>;
  @ApiProperty(windowMapSchema) windows!: Record<WindowRuleCode, WindowLength>;
  @ApiProperty({ type: 'integer' }) historyMaxAgeDays!: number;
  @ApiProperty({ type: 'integer' }) pihRiskMinFitzpatrickType!: number;
  @ApiProperty({ type: 'integer' }) antiviralProphylaxisDaysBefore!: number;
  @ApiProperty({ type: [String] }) anticoagulantMedicationNames!: string[];
  @ApiProperty({ type: [String] }) isotretinoinMedicationNames!: string[];
}

export class ScreeningSettingsDto {
  @ApiProperty({ type: ScreeningSettingsInputDto, description: "The organization's overrides as stored" })
  overrides!: ScreeningSettingsInputDto;
  @ApiProperty({ type: EffectiveScreeningSettingsDto, description: 'The defaults with the overrides applied: what screening uses' })
  effective!: EffectiveScreeningSettingsDto;
}
