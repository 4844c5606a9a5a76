import { Module } from '@nestjs/common';
import type { DomainLibrary } from '@cpts/platform-domain';
import { IdentityModule } from '@cpts/platform-identity';
import { LiveFigures } from './live-figures/live-figures';
import { CptsFiguresRow } from './live-figures/live-figures.entity';
import { LiveFiguresRefresher } from './live-figures/live-figures.worker';
import { regionMigrations } from './migrations';
import { ObservatoryExportController } from './observatory/observatory-export.controller';
import { ObservatoryResolver } from './observatory/observatory.resolver';
import { ObservatoryService } from './observatory/observatory.service';
import { RegionSnapshotRow } from './observatory/snapshot.entity';
import { SnapshotWriter } from './observatory/snapshots';
import { YearEndSnapshots } from './observatory/year-end.worker';
import { RegionExportController } from './overview/region-export.controller';
import { RegionOverviewResolver } from './overview/region-overview.resolver';
import { RegionOverviewService } from './overview/region-overview.service';
import { RegionUnits } from '@cpts/platform-db';

/** The regional layer in the gateway: the region's table of its CPTS ("Mes CPTS"), governance health, exports, the observatory. */
@Module({
  imports: [IdentityModule],
  providers: [RegionUnits, LiveFigures, RegionOverviewService, RegionOverviewResolver, SnapshotWriter, ObservatoryService, ObservatoryResolver],
  controllers: [RegionExportController, ObservatoryExportController],
  exports: [SnapshotWriter, RegionUnits],
})
export class RegionModule {}

/** The regional layer in the worker: the observatory's year-end snapshots, the table's figures recounted every few minutes. */
@Module({
  providers: [RegionUnits, SnapshotWriter, YearEndSnapshots, LiveFigures, LiveFiguresRefresher],
})
export class RegionWorkerModule {}

export const regionDomain: DomainLibrary = {
  name: 'region',
  entities: [RegionSnapshotRow, CptsFiguresRow],
  migrations: regionMigrations,
  resolvers: [RegionOverviewResolver, ObservatoryResolver],
  gateway: RegionModule,
  worker: RegionWorkerModule,
};
