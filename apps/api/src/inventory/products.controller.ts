import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../common/access/access-policy.decorator';
import { CurrentActor, type Actor } from '../common/access/actor';
import { IdParam } from '../common/dto/id-param';
import { CreateProductDto, ProductDto, ProductListQueryDto } from './products.dto';
import { ProductsService } from './products.service';
import { Idempotent } from '../common/idempotency/idempotent.decorator';

@ApiTags('inventory')
@Controller('products')
export class ProductsController {
  constructor(private readonly products: ProductsService) {}

  @Get()
  @ApiOperation({ summary: 'List products' })
  @RequirePermission('inventory.read')
  @ApiOkResponse({ type: [ProductDto] })
  list(@CurrentActor() actor: Actor, @Query() query: ProductListQueryDto): Promise<ProductDto[]> {
    return this.products.list(actor, query);
  }

  @Post()
  @ApiOperation({ summary: 'Add a product' })
  @Idempotent()
  @RequirePermission('inventory.write')
  @ApiCreatedResponse({ type: ProductDto })
  @ApiConflictResponse({ description: 'A product with this GTIN exists (errors names gtin)' })
  create(@CurrentActor() actor: Actor, @Body() body: CreateProductDto): Promise<ProductDto> {
    return this.products.create(actor, body);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a product' })
  @RequirePermission('inventory.read')
  @ApiOkResponse({ type: ProductDto })
  get(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<ProductDto> {
    return this.products.get(actor, id);
  }
}
