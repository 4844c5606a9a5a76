import type { MigrationInterface } from 'typeorm';
import type { Type } from '@nestjs/common';
import { RegionFiguresIndexes1795740000000 } from './figures/figures-indexes.migration';
import { CptsFigures1795750000000 } from './live-figures/live-figures.migration';
import { RegionSnapshots1795730000000 } from './observatory/snapshot.migration';

/** The migrations of the region library, in timestamp order. */
export const regionMigrations: ReadonlyArray<Type<MigrationInterface>> = [RegionSnapshots1795730000000, RegionFiguresIndexes1795740000000, CptsFigures1795750000000];
