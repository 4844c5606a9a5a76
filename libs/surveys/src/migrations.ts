import type { MigrationInterface } from 'typeorm';
import type { Type } from '@nestjs/common';

/** The migrations of the surveys library, in timestamp order. */
export const surveysMigrations: ReadonlyArray<Type<MigrationInterface>> = [];
