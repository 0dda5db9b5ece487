import { readdirSync } from 'node:fs';
import nx from '@nx/eslint-plugin';

/**
 * Architecture, enforced: apps never import each other; the API uses only api and shared code, the dashboard
 * only web and shared code; libs/domain (the clinical rules) imports nothing but itself — no framework.
 */
const foldersIn = (path) =>
  readdirSync(new URL(path, import.meta.url), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);

/**
 * The dashboard's layers (apps/web/src): lib and components (shared, know no feature) < entities (the signed-in
 * user, locations, the patient record: shared by features) < features (one folder each) < router and App.
 * A feature or entity is reached from outside only through its index.ts; cross-folder imports use the @web/ alias;
 * only hooks (a hooks/ or api/ folder) call the API client, so pages and components never hold a fetch.
 * One no-restricted-imports list per place, because a later matching block replaces a rule's options.
 */
const WEB = 'apps/web/src';
const webFeatures = foldersIn(`./${WEB}/features`);
const webEntities = foldersIn(`./${WEB}/entities`);
const WEB_CODE = '**/*.{ts,tsx}';
const WEB_SPECS = '**/*.spec.{ts,tsx}';
const WEB_DATA_FOLDERS = ['**/hooks/**/*.{ts,tsx}', '**/api/**/*.{ts,tsx}'];

const climbs = { regex: '^\\.\\./', message: 'Import from another folder with the @web/ alias (apps/web/src); only the same folder is ./x.' };
const internalsOf = (layer, except) => ({
  regex: `^@web/${layer}/${except ? `(?!${except}/)` : ''}[^/]+/`,
  message: `Import another ${layer === 'features' ? 'feature' : 'entity'} only through its index: @web/${layer}/<name>.`,
});
// The router also imports each feature's routes.ts: its pages as loaders, so each page's code loads with its route.
const featureInternalsButRoutes = {
  regex: '^@web/features/[^/]+/(?!routes$)',
  message: 'Import a feature through its index (@web/features/<name>), or its pages through @web/features/<name>/routes.',
};
const ownIndex = (layer, name) => ({
  regex: `^@web/${layer}/${name}$`,
  message: 'Inside a feature or entity import its files, not its own index (the index imports them back: a cycle).',
});
const noLayer = (layer, who) => ({ regex: `^@web/${layer}(/|$)`, message: `${who} must not depend on ${layer}.` });
const apiClient = [
  { regex: '^@web/lib/api/(apiClient|request)$', message: 'Call the API from a hook (a hooks/ or api/ folder); pages and components use the hook.' },
  { regex: '^@skinledger/api-client$', importNames: ['createApiClient'], message: 'The dashboard has one API client: @web/lib/api/apiClient.' },
];
const webImports = (files, patterns, ignores) => ({
  files,
  ...(ignores ? { ignores } : {}),
  rules: { 'no-restricted-imports': ['error', { patterns }] },
});
const inWeb = (...globs) => globs.map((glob) => `${WEB}/${glob}`);

const webImportRules = [
  // router, App, main: features and entities through their index only (and the router a feature's routes.ts).
  webImports(inWeb(WEB_CODE), [climbs, featureInternalsButRoutes, internalsOf('entities'), ...apiClient]),
  webImports(inWeb(`lib/${WEB_CODE}`), [climbs, noLayer('features', 'Shared code (lib)'), noLayer('entities', 'Shared code (lib)')]),
  webImports(inWeb(`components/${WEB_CODE}`), [
    climbs,
    noLayer('features', 'Shared components'),
    noLayer('entities', 'Shared components'),
    ...apiClient,
  ]),
  ...webEntities.flatMap((name) => {
    const rules = [climbs, noLayer('features', 'An entity'), internalsOf('entities', name), ownIndex('entities', name)];
    return [
      webImports(inWeb(`entities/${name}/${WEB_CODE}`), [...rules, ...apiClient]),
      webImports(inWeb(...WEB_DATA_FOLDERS.map((glob) => `entities/${name}/${glob}`), `entities/${name}/${WEB_SPECS}`), rules),
    ];
  }),
  ...webFeatures.flatMap((name) => {
    const rules = [climbs, internalsOf('features', name), internalsOf('entities'), ownIndex('features', name)];
    return [
      webImports(inWeb(`features/${name}/${WEB_CODE}`), [...rules, ...apiClient]),
      webImports(inWeb(...WEB_DATA_FOLDERS.map((glob) => `features/${name}/${glob}`), `features/${name}/${WEB_SPECS}`), rules),
    ];
  }),
  // Test helpers and specs outside features may mock the client.
  webImports(['apps/web/test/**/*.{ts,tsx}', `${WEB}/lib/${WEB_SPECS}`, `${WEB}/components/${WEB_SPECS}`], [climbs, internalsOf('features'), internalsOf('entities')]),
];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  { ignores: ['**/dist', '**/node_modules', '**/.nx', 'libs/api-client/src/schema.d.ts', '**/vite.config.*.timestamp*'] },
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: [],
          depConstraints: [
            { sourceTag: 'type:app', notDependOnLibsWithTags: ['type:app'] },
            { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:api', 'scope:shared'] },
            { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:web', 'scope:shared'] },
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain'], allowedExternalImports: [] },
          ],
        },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      // Leaving a field out of an object by destructuring it away is intended, not an unused variable.
      '@typescript-eslint/no-unused-vars': ['warn', { ignoreRestSiblings: true }],
    },
  },
  ...webImportRules,
  {
    files: ['**/*.spec.ts', '**/test/**/*.ts', 'apps/web-e2e/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
];
