import type { MigrationInterface } from 'typeorm';
import type { Type } from '@nestjs/common';

/** The migrations of the evaluation library, in timestamp order. */
export const evaluationMigrations: ReadonlyArray<Type<MigrationInterface>> = [];
