export * from './region.module';
export { FIGURES_SQL, MEMBERSHIP_HISTORY_SQL } from './figures/figures.sql';
export { readFigures } from './figures/figures.reader';
export { SnapshotWriter } from './observatory/snapshots';
export type { SnapshotIndicators } from './observatory/snapshots';
export { YearEndSnapshots } from './observatory/year-end.worker';
export { ObservatoryService } from './observatory/observatory.service';
export { parisYear } from './region-units';
// The table's stored figures: the tests and the benchmark recount them as the worker does.
export { LiveFigures, STORED_FIGURES_SQL } from './live-figures/live-figures';
export { LiveFiguresRefresher } from './live-figures/live-figures.worker';
