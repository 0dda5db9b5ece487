import { ApiProperty } from '@nestjs/swagger';
import { PHOTO_ANGLES, PHOTO_PHASES } from '@skinledger/domain';
import { IsIn, IsUUID } from 'class-validator';

export class SessionPhotoDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) sessionId!: string;
  @ApiProperty({ format: 'date' }) sessionPerformedOn!: string;
  @ApiProperty({ enum: [...PHOTO_PHASES] }) phase!: string;
  @ApiProperty({ enum: [...PHOTO_ANGLES] }) angle!: string;
  @ApiProperty() contentType!: string;
  @ApiProperty({ type: Number }) byteSize!: number;
  @ApiProperty({ description: 'SHA-256 of the bytes, checked on every read' }) sha256!: string;
  @ApiProperty({ format: 'date-time' }) uploadedAt!: string;
  @ApiProperty({ description: 'Where the image itself is served' }) url!: string;
}

export class PhotoComparisonQueryDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('4', { message: 'sessionA must be a session id' })
  sessionA!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('4', { message: 'sessionB must be a session id' })
  sessionB!: string;

  @ApiProperty({ enum: [...PHOTO_ANGLES] })
  @IsIn([...PHOTO_ANGLES], { message: `angle must be one of ${PHOTO_ANGLES.join(', ')}` })
  angle!: string;
}

export class PhotoComparisonSideDto {
  @ApiProperty({ format: 'uuid' }) sessionId!: string;
  @ApiProperty({ format: 'date' }) performedOn!: string;
  @ApiProperty({ type: SessionPhotoDto, nullable: true, description: 'The latest before photo at the angle' }) before!: SessionPhotoDto | null;
  @ApiProperty({ type: SessionPhotoDto, nullable: true, description: 'The latest after photo at the angle' }) after!: SessionPhotoDto | null;
}

/** Two sessions of one patient side by side at one angle. */
export class PhotoComparisonDto {
  @ApiProperty({ enum: [...PHOTO_ANGLES] }) angle!: string;
  @ApiProperty({ type: PhotoComparisonSideDto }) a!: PhotoComparisonSideDto;
  @ApiProperty({ type: PhotoComparisonSideDto }) b!: PhotoComparisonSideDto;
}
