import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

// Explicit `number` annotations: tsc emits design:type Object for an un-annotated initializer, which would
// change the OpenAPI document depending on the compiler.
/* eslint-disable @typescript-eslint/no-inferrable-types */
export class PageQueryDto {
  @ApiPropertyOptional({ type: Number, minimum: 1, maximum: 100000, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100000)
  page: number = 1;

  @ApiPropertyOptional({ type: Number, minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize: number = 50;
}
