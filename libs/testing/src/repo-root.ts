import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The repository's root, found from this file whether it runs from its
 * source (tests, through Jest) or from dist/ (benchmarks): the first folder
 * up that holds nx.json.
 */
function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'nx.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no nx.json above ${from}`);
  }
}

export const REPO_ROOT = findRoot(__dirname);
