import type { MigrationInterface } from 'typeorm';
import type { Type } from '@nestjs/common';
import { Surveys1795710000000 } from './survey.migration';

/** The migrations of the surveys library, in timestamp order. */
export const surveysMigrations: ReadonlyArray<Type<MigrationInterface>> = [Surveys1795710000000];
