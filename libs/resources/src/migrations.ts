import type { MigrationInterface } from 'typeorm';
import type { Type } from '@nestjs/common';

/** The migrations of the resources library, in timestamp order. */
export const resourcesMigrations: ReadonlyArray<Type<MigrationInterface>> = [];
