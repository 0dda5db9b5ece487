import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const fromRoot = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

export default defineConfig({
  root: fromRoot('apps/web'),
  plugins: [react()],
  resolve: {
    alias: {
      '@skinledger/domain': fromRoot('libs/domain/src/index.ts'),
      '@skinledger/api-client': fromRoot('libs/api-client/src/index.ts'),
      // Same as `@web/*` in apps/web/tsconfig.json and the Jest moduleNameMapper.
      '@web': fromRoot('apps/web/src'),
    },
  },
  build: {
    outDir: fromRoot('dist/apps/web'),
    emptyOutDir: true,
    sourcemap: true,
    rollupOptions: {
      output: {
        // Vendor code changes less often than the app: separate chunks stay cached across releases.
        manualChunks(id) {
          if (id.includes('node_modules/@mantine/')) return 'mantine';
          if (id.includes('node_modules/@tabler/')) return 'icons';
          if (/node_modules\/(react|react-dom|react-router|scheduler|@tanstack)\//.test(id)) return 'react';
          return undefined;
        },
      },
    },
  },
  server: {
    port: 4200,
    proxy: {
      '/api': { target: 'http://localhost:3000', changeOrigin: false },
    },
  },
});
