import { Inject, Injectable, Module, type OnApplicationBootstrap, type BeforeApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { MessageWorker } from './message-worker';
import { OutboxController } from './outbox.controller';
import { OutboxService } from './outbox.service';
import { ReminderSettingsController } from './reminder-settings.controller';
import { SettingsModule } from '../settings/settings.module';
import { ReminderSettingsService } from './reminder-settings.service';
import { MESSAGE_TRANSPORTS, transportsFromConfig, type MessageTransports } from './transports';

/** Runs the outbox worker in this process when MESSAGE_WORKER is on (default outside tests). */
@Injectable()
export class MessageWorkerLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private worker?: MessageWorker;
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(MESSAGE_TRANSPORTS) private readonly transports: MessageTransports,
  ) {}
  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.messageWorker) return;
    this.worker = new MessageWorker(this.dataSource, this.transports);
    await this.worker.start();
  }
  async beforeApplicationShutdown(): Promise<void> {
    await this.worker?.stop();
  }
}

/** Reminders and notices: the outbox, its pg-boss worker and the transports (SMTP; SMS pluggable). */
@Module({
  imports: [SettingsModule],
  controllers: [OutboxController, ReminderSettingsController],
  providers: [
    OutboxService,
    ReminderSettingsService,
    MessageWorkerLifecycle,
    { provide: MESSAGE_TRANSPORTS, inject: [APP_CONFIG], useFactory: (config: AppConfig) => transportsFromConfig(config) },
  ],
  exports: [OutboxService],
})
export class MessagingModule {}
