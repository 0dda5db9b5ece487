import { constants } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';

const fromRoot = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

/**
 * Modules that do nothing when imported but declare things (Rollup's `moduleSideEffects: false`), so Rollup follows
 * only what each one really uses. Our own TypeScript (the dashboard, libs/domain, the API client): only main.tsx
 * renders, and style sheets apply themselves; without this an index.ts that re-exports a feature's or entity's pieces
 * pulls all of them, with their libraries (the phone-number metadata, luxon ...), into every page that imports one.
 * And libraries that only define things but do not say so in their package.json: Mantine's index re-exports
 * RemoveScroll, whose modules would otherwise ride along on every page, dialog or not; the calendar library imports
 * dayjs plugins for a dayjs localizer the dashboard does not use (it uses luxon).
 */
const ownCode = /\/(apps\/web\/src|libs\/domain\/src|libs\/api-client\/src)\/[^?]*\.tsx?$/;
const pureLibrary = /\/node_modules\/(react-remove-scroll|react-remove-scroll-bar|react-style-singleton|use-sidecar|dayjs|clsx|@babel\/runtime)\//;
// The two entries render: the dashboard's main.tsx and the patients' booking pages' book/main.tsx.
const entries = ['/apps/web/src/main.tsx', '/apps/web/src/book/main.tsx'];
const declaredPure = (id: string) => (ownCode.test(id) && !entries.some((entry) => id.endsWith(entry))) || pureLibrary.test(id);
// A transform hook's `moduleSideEffects` overrides what the resolver read from package.json (an option would not).
const pureModules = (): Plugin => ({
  name: 'skinledger:pure-modules',
  transform: (_code, id) => (declaredPure(id) ? { moduleSideEffects: false } : null),
});

export default defineConfig({
  root: fromRoot('apps/web'),
  plugins: [
    react(),
    pureModules(),
    // Brotli (.br) and gzip (.gz) siblings of every script, style sheet and page, compressed once at build time at
    // the highest levels; the API sends them by Accept-Encoding (@fastify/static preCompressed). Not the maps.
    compression({
      algorithms: [
        defineAlgorithm('brotliCompress', { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY } }),
        defineAlgorithm('gzip', { level: constants.Z_BEST_COMPRESSION }),
      ],
      include: /\.(js|css|html|svg|json)$/,
      exclude: /\.vite\//,
      threshold: 1024,
      logLevel: 'silent',
    }),
  ],
  resolve: {
    alias: [
      { find: '@skinledger/domain', replacement: fromRoot('libs/domain/src/index.ts') },
      { find: '@skinledger/api-client', replacement: fromRoot('libs/api-client/src/index.ts') },
      // Same as `@web/*` in apps/web/tsconfig.json and the Jest moduleNameMapper.
      { find: '@web', replacement: fromRoot('apps/web/src') },
      // The calendar library imports lodash's CommonJS functions one by one; their ES module twins in lodash-es are
      // the same code that Rollup can hoist and shake, a third smaller on the schedule page.
      { find: /^lodash\/(\w+)$/, replacement: 'lodash-es/$1.js' },
      // Its "+N more" popup (react-overlays and Popper), which the schedule does not use, loads only if rendered.
      { find: /^react-overlays$/, replacement: fromRoot('apps/web/src/lib/vendor/reactOverlaysOnDemand.tsx') },
    ],
  },
  build: {
    outDir: fromRoot('dist/apps/web'),
    emptyOutDir: true,
    // Maps are written for debugging a build by hand but never linked from the bundles (nor served: the API
    // refuses *.map), so the dashboard's source is not published.
    sourcemap: 'hidden',
    // .vite/manifest.json: which chunks each page needs (tools/bundle-budget.mjs checks their size).
    manifest: true,
    rollupOptions: {
      // The dashboard (index.html) and the patients' booking pages (book.html: /book and /book/manage/<key>, served
      // by the API; apps/web/src/book). The booking pages share React alone with the dashboard.
      input: { index: fromRoot('apps/web/index.html'), book: fromRoot('apps/web/book.html') },
      output: {
        // React is on every page and changes less often than the app: a chunk that stays cached across releases; the
        // router and TanStack Query likewise, in a chunk of their own that the booking pages never load. Mantine and
        // the icons are left to Rollup's splitting, so each page carries only the components and icons it uses (one
        // Mantine chunk put all of them on the sign-in page).
        manualChunks(id) {
          if (/node_modules\/(react|react-dom|scheduler)\//.test(id)) return 'react';
          if (/node_modules\/(react-router|@tanstack)\//.test(id)) return 'router';
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
