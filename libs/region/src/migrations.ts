import type { MigrationInterface } from 'typeorm';
import type { Type } from '@nestjs/common';

/** The migrations of the region library, in timestamp order. */
export const regionMigrations: ReadonlyArray<Type<MigrationInterface>> = [];
