import { ApiProperty } from '@nestjs/swagger';
import { MAX_LATE_CANCELLATION_HOURS } from '@skinledger/domain';
import { IsInt, Max, Min } from 'class-validator';

export class CancellationSettingsInputDto {
  @ApiProperty({
    type: Number,
    minimum: 0,
    maximum: MAX_LATE_CANCELLATION_HOURS,
    example: 24,
    description: "A patient's cancellation this many hours or fewer before the start is marked late; 0 marks none",
  })
  @IsInt({ message: 'lateCancellationHours must be a whole number of hours' })
  @Min(0, { message: 'lateCancellationHours must be 0 (off) or more' })
  @Max(MAX_LATE_CANCELLATION_HOURS, { message: `lateCancellationHours must be at most ${MAX_LATE_CANCELLATION_HOURS} (a week)` })
  lateCancellationHours!: number;
}

export class CancellationSettingsDto {
  @ApiProperty({ type: Number, description: "The clinic's late-cancellation window in hours (0: off)" }) lateCancellationHours!: number;
  @ApiProperty({ type: Boolean, description: 'False while the default (24 hours) applies' }) customized!: boolean;
}
