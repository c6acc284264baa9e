import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The web pages, built into dist/web and served by `govinfo serve` at `/`. */
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  plugins: [react()],
  resolve: {
    alias: {
      '@shared': path.resolve(import.meta.dirname, '../src/shared'),
      '@domain': path.resolve(import.meta.dirname, '../src/domain'),
    },
  },
  build: {
    // GOVINFO_WEB_OUT builds elsewhere (a parallel test run); the server reads GOVINFO_WEB_ROOT.
    outDir: process.env.GOVINFO_WEB_OUT ?? path.resolve(import.meta.dirname, '../dist/web'),
    emptyOutDir: true,
    // The chunk graph, for bench/web.mjs to add up what each page loads before it shows.
    manifest: true,
    chunkSizeWarningLimit: 1500,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});
