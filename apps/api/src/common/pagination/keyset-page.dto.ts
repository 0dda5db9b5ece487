import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, MaxLength, Min } from 'class-validator';

// Explicit `number` annotations: tsc emits design:type Object for an un-annotated initializer.
/* eslint-disable @typescript-eslint/no-inferrable-types */
/** `?after=<nextCursor>&pageSize=n`: the query of every keyset-paged list. */
export class KeysetPageQueryDto {
  @ApiPropertyOptional({ description: 'The nextCursor of the previous page; leave out for the first page', maxLength: 1024, example: 'WyJ0aG9tcHNvbiIsIjNmYjIuLi4iXQ' })
  @IsOptional()
  @MaxLength(1024)
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'after must be the nextCursor of a previous page of this list' })
  after?: string;

  @ApiPropertyOptional({ type: Number, minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize: number = 50;
}

/** The page fields of every keyset-paged answer (extend and add `items`). */
export class KeysetPageInfoDto {
  @ApiProperty({ description: 'Rows asked for per page' }) pageSize!: number;
  @ApiProperty({ description: 'More rows follow this page' }) hasMore!: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `after` for the next page; null on the last page' })
  nextCursor!: string | null;
}

/** A total that stops counting at a cap ("1,000+"). */
export class CappedCountDto {
  @ApiProperty({ description: 'Rows counted, at most the cap (1,000)' }) count!: number;
  @ApiProperty({ description: 'True when there are more than count: show "1,000+"' }) capped!: boolean;
}
