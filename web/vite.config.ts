/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The C++ server serves web/dist and answers /api/v1 on the same origin, so the
// app uses relative URLs everywhere. In development Vite forwards /api to a
// locally running server (override with KAKEHASHI_API_URL).
const apiTarget = process.env.KAKEHASHI_API_URL ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      output: {
        // The libraries change far less often than the app: a chunk of their own stays cached across releases.
        // The chart library has its own, loaded only with the pages that draw charts (the statistics route).
        codeSplitting: {
          groups: [
            { name: 'charts', test: /node_modules[\\/](echarts|zrender)[\\/]/, priority: 2 },
            { name: 'vendor', test: /node_modules/, priority: 1 },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
    },
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/testing/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    restoreMocks: true,
    unstubGlobals: true,
    // The files share one jsdom per worker instead of building a fresh one each (77 files: 3 minutes of mostly
    // environment set-up on 2 cores became 45 seconds). What a file could leave behind is undone before or after
    // every test (restoreMocks, unstubGlobals, src/testing/setup.ts); no file uses vi.mock, which would need a
    // module registry of its own.
    isolate: false,
  },
});
