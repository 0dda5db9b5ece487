import { Module } from '@nestjs/common';
import { ConsentsModule } from '../consents/consents.module';
import { SetupController } from './setup.controller';
import { SetupService } from './setup.service';

@Module({ imports: [ConsentsModule], controllers: [SetupController], providers: [SetupService] })
export class SetupModule {}
