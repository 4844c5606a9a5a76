import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

// The gateway serves dist/ at / (WEB_DIST_DIR); in development, `vite` proxies
// /graphql to a gateway started by `npm start` (port 3000 unless GATEWAY_PORT says otherwise).
export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1200,
  },
  server: {
    proxy: { '/graphql': `http://localhost:${process.env.GATEWAY_PORT ?? 3000}` },
  },
});
