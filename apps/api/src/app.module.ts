import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import type { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { ConsentsModule } from './consents/consents.module';
import { dataSourceOptions } from './database/data-source-options';
import { HealthModule } from './health/health.module';
import { InventoryModule } from './inventory/inventory.module';
import { MessagingModule } from './messaging/messaging.module';
import { OrganizationsModule } from './organizations/organizations.module';
import { PatientsModule } from './patients/patients.module';
import { SchedulingModule } from './scheduling/scheduling.module';
import { OnlineBookingModule } from './online-booking/online-booking.module';
import { ReportsModule } from './reports/reports.module';
import { SettingsModule } from './settings/settings.module';
import { SetupModule } from './setup/setup.module';
import { StaffModule } from './staff/staff.module';
import { TreatmentsModule } from './treatments/treatments.module';

/** The whole API: one module per business area, wired to one PostgreSQL database. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        TypeOrmModule.forRoot({ ...dataSourceOptions(databaseUrl, config.databasePoolSize), migrationsRun: false }),
        AuditModule,
        AuthModule,
        HealthModule,
        SetupModule,
        OrganizationsModule,
        StaffModule,
        SettingsModule,
        PatientsModule,
        InventoryModule,
        TreatmentsModule,
        ConsentsModule,
        MessagingModule,
        SchedulingModule,
        OnlineBookingModule,
        ReportsModule,
      ],
    };
  }
}
