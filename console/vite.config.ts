// Builds the staff console (React) into dist/console; the server serves it at /console/.
// `npx vite build --config console/vite.config.ts` from the repository root.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const consoleDir = fileURLToPath(new URL('.', import.meta.url));
const repoDir = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  root: consoleDir,
  base: '/console/',
  plugins: [react()],
  build: {
    outDir: `${repoDir}dist/console`,
    emptyOutDir: true,
    // The CSP allows only 'self': never inline assets as data: scripts or styles.
    assetsInlineLimit: 0,
    // One bundle for a staff tool on office connections; it includes Serbia's municipality
    // list and all three languages (about 600 kB, 170 kB gzipped).
    chunkSizeWarningLimit: 800,
  },
  server: {
    // The console imports the shared code in ../common.
    fs: { allow: [repoDir] },
    // `vite --config console/vite.config.ts` for development, with the API server running.
    proxy: { '/api': process.env.BEZBEDNO_API_URL ?? 'http://localhost:3000' },
  },
});
