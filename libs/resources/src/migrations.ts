import type { MigrationInterface } from 'typeorm';
import type { Type } from '@nestjs/common';
import { Resources1795700000000 } from './resources.migration';

/** The migrations of the resources library, in timestamp order. */
export const resourcesMigrations: ReadonlyArray<Type<MigrationInterface>> = [Resources1795700000000];
