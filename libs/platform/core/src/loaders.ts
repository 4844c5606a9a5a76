import DataLoader from 'dataloader';
import { requireScope } from './request-scope';

/**
 * The DataLoader named `key` for the current request, created on first use.
 * Per request, never shared: a loader caches what one caller may see.
 */
export function scopedLoader<K, V>(key: unknown, batch: (keys: readonly K[]) => Promise<Array<V | Error>>): DataLoader<K, V> {
  const loaders = requireScope().loaders;
  let loader = loaders.get(key) as DataLoader<K, V> | undefined;
  if (!loader) {
    loader = new DataLoader<K, V>(batch, { maxBatchSize: 1000 });
    loaders.set(key, loader);
  }
  return loader;
}

/** Orders batch results like the keys; a missing key gets `fallback`. */
export function byKeys<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K, fallback: V | null = null): Array<V | null> {
  const map = new Map(rows.map((row) => [keyOf(row), row]));
  return keys.map((key) => map.get(key) ?? fallback);
}
