import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BRAND_COLOR_PATTERN, ONLINE_BOOKING_LIMITS as L } from '@skinledger/domain';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';

/** The clinic's online-booking settings, replaced as a whole (settings key `onlineBooking`). */
export class OnlineBookingSettingsDto {
  @ApiProperty({ description: 'Patients may book through the public booking pages (off until the clinic turns it on)' })
  @IsBoolean({ message: 'enabled must be true or false' })
  enabled!: boolean;

  @ApiProperty({ type: 'integer', minimum: 0, maximum: L.maxMinimumNoticeHours, example: 24, description: 'No start offered sooner than this many hours from now' })
  @IsInt({ message: 'minimumNoticeHours must be a whole number of hours' })
  @Min(0, { message: 'minimumNoticeHours must be 0 or more' })
  @Max(L.maxMinimumNoticeHours, { message: `minimumNoticeHours must be at most ${L.maxMinimumNoticeHours} (two weeks)` })
  minimumNoticeHours!: number;

  @ApiProperty({ type: 'integer', minimum: L.minMaximumDaysAhead, maximum: L.maxMaximumDaysAhead, example: 60, description: 'No start offered later than this many days from now' })
  @IsInt({ message: 'maximumDaysAhead must be a whole number of days' })
  @Min(L.minMaximumDaysAhead, { message: `maximumDaysAhead must be at least ${L.minMaximumDaysAhead}` })
  @Max(L.maxMaximumDaysAhead, { message: `maximumDaysAhead must be at most ${L.maxMaximumDaysAhead} (a year)` })
  maximumDaysAhead!: number;

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    maximum: L.maxCancellationWindowHours,
    example: 24,
    description: 'A patient cancels or moves her appointment online until this many hours before the start; later she calls the clinic',
  })
  @IsInt({ message: 'cancellationWindowHours must be a whole number of hours' })
  @Min(0, { message: 'cancellationWindowHours must be 0 or more' })
  @Max(L.maxCancellationWindowHours, { message: `cancellationWindowHours must be at most ${L.maxCancellationWindowHours} (a week)` })
  cancellationWindowHours!: number;

  @ApiProperty({ maxLength: L.maxPolicyTextLength, description: 'The booking and cancellation policy the patient accepts when booking' })
  @IsString({ message: 'policyText must be text' })
  @MaxLength(L.maxPolicyTextLength, { message: `policyText must be at most ${L.maxPolicyTextLength} characters` })
  policyText!: string;

  @ApiProperty({ type: [String], format: 'uuid', description: "Practitioners who take no online bookings (the clinic's staff; the rest take those their licence allows)" })
  @IsArray({ message: 'excludedPractitionerIds must be a list of staff ids' })
  @ArrayMaxSize(L.maxExcludedPractitioners)
  @ArrayUnique({ message: 'excludedPractitionerIds must not repeat an id' })
  @IsUUID('4', { each: true, message: 'each of excludedPractitionerIds must be a UUID' })
  excludedPractitionerIds!: string[];

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '#1b6a70',
    description: 'The clinic’s colour on the booking pages (#RRGGBB). White text goes on it, so it must reach 4.5:1 contrast against white; absent or null: the pages’ own teal',
  })
  @IsOptional()
  @Matches(BRAND_COLOR_PATTERN, { message: 'brandColor must be a colour written #RRGGBB' })
  brandColor?: string | null;
}

export class OnlineBookingSettingsViewDto extends OnlineBookingSettingsDto {
  @ApiProperty({ description: 'False while the defaults apply (never saved)' }) customized!: boolean;
  @ApiProperty({ example: '3f9a1c07b2de', description: 'How the public booking API and pages name the clinic (`?organization=`)' }) publicBookingSlug!: string;
  @ApiProperty({
    example: 'https://book.example-clinic.com/book?organization=3f9a1c07b2de',
    description: 'The booking page patients open, on the server’s PUBLIC_URL (the embed snippet frames it)',
  })
  publicBookingUrl!: string;
}
