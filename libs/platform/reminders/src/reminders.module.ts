import { Module } from '@nestjs/common';
import { RemindersService } from './reminders.service';

/** For modules that schedule reminders (the gateway's); the worker fires them. */
@Module({
  providers: [RemindersService],
  exports: [RemindersService],
})
export class RemindersModule {}
