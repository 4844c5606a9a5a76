import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { gqlDocuments } from './gql-documents';

const root = fileURLToPath(new URL('.', import.meta.url));

// The gateway serves dist/ at / (WEB_DIST_DIR); in development, `vite` proxies
// /graphql to a gateway started by `npm start` (port 3000 unless GATEWAY_PORT says otherwise).
export default defineConfig({
  root,
  plugins: [gqlDocuments(fileURLToPath(new URL('./src/gql', import.meta.url))), react()],
  build: {
    // WEB_OUT_DIR: a build elsewhere (parallel work on one checkout; the browser tests read WEB_DIST the same way).
    outDir: process.env.WEB_OUT_DIR ?? 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // Pages are split by route (src/lib/lazyPage.ts): the largest chunk is React's own (~240 kB). A warning past
    // this means something heavy joined a chunk every page loads (docs/performance.md, session 14); one chunk is
    // expected over it: EChart (~507 kB, ECharts' core), loaded by the region's pages only.
    chunkSizeWarningLimit: 300,
  },
  server: {
    proxy: { '/graphql': `http://localhost:${process.env.GATEWAY_PORT ?? 3000}` },
  },
});
