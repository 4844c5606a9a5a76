import type { MigrationInterface } from 'typeorm';
import type { Type } from '@nestjs/common';
import { Evaluation1795720000000 } from './fiches.migration';

/** The migrations of the evaluation library, in timestamp order. */
export const evaluationMigrations: ReadonlyArray<Type<MigrationInterface>> = [Evaluation1795720000000];
