import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';

/** A `graphql(`…`)` call of the app's code, as codegen finds them (a template without interpolation). */
const CALL = /\bgraphql\(\s*`([^`]*)`\s*\)/g;
/** An entry of the generated map: "<the document's text>": types.<its export>, */
const ENTRY = /^\s*("(?:[^"\\]|\\.)*"): types\.(\w+),$/gm;

/**
 * Replaces each `graphql(`…`)` call with an import of that one document from
 * src/gql/graphql.ts, as the client preset's babel plugin would: the
 * generated map of every operation (src/gql/gql.ts) is then never bundled,
 * and each route's chunk carries only the operations it runs. Without it,
 * every chunk calling graphql() pulled every operation of the app (~115 kB).
 * The export is looked up by the document's text in that map itself, so it
 * cannot disagree with codegen's naming; a document codegen has not seen
 * stops the build.
 */
export function gqlDocuments(gqlDir: string): Plugin {
  const documentsModule = path.join(gqlDir, 'graphql.ts');
  let exports: Map<string, string> | null = null;
  const exportOf = (text: string) => {
    exports ??= new Map(
      [...readFileSync(path.join(gqlDir, 'gql.ts'), 'utf8').matchAll(ENTRY)].map((m) => [JSON.parse(m[1]) as string, m[2]]),
    );
    return exports.get(text);
  };
  return {
    name: 'cpts-gql-documents',
    enforce: 'pre',
    buildStart() {
      // Codegen may have run since (watch mode).
      exports = null;
    },
    transform(code, id) {
      if (id.startsWith(gqlDir) || !/\.tsx?$/.test(id) || !code.includes('graphql(`')) return null;
      const used = new Set<string>();
      const replaced = code.replace(CALL, (call: string, text: string) => {
        const name = exportOf(text);
        if (!name)
          this.error(`${path.basename(id)}: a graphql() document that src/gql does not know: run the codegen (npm run build:web does).`);
        used.add(name);
        // As many lines as the call had: the file's lines stay where the source map says.
        return `__gql_${name}${'\n'.repeat(call.split('\n').length - 1)}`;
      });
      const imports = [...used].map((name) => `${name} as __gql_${name}`).join(', ');
      // On the first line, for the same reason.
      return { code: `import { ${imports} } from ${JSON.stringify(documentsModule)}; ${replaced}`, map: null };
    },
  };
}
