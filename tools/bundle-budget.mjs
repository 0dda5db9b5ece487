// The first-load budgets of the dashboard and of the patients' booking pages, checked on the built output: `node tools/bundle-budget.mjs [dist/apps/web]`
// (`npm run test:bundle` builds the dashboard first). Fails when the JavaScript a first visit needs is over budget.
//
// What a first visit loads comes from Vite's manifest (dist/apps/web/.vite/manifest.json, `build.manifest`):
// - /login (any fresh visit): the entry chunk (which holds the sign-in page) and the chunks it imports statically
//   (index.html preloads them);
// - any other page: the entry and its imports, plus the page's chunk and the app frame's chunk
//   (features/shell/components/AppLayout), each with its static imports. The pages are the entry's dynamic imports
//   (the router's lazy routes). Kiosk and set-up pages do without the frame; counting it for them too keeps the check
//   on the safe side.
// - the patients' booking pages (book.html: /book and /book/manage/<key>): their entry and its static imports, within
//   120 kB (issue 16). They split off one thing: the signature pad of the consent-signing view (signature_pad), fetched
//   when she opens a form to sign; listed with its size, not counted in the first load.
// Everything else loads on demand, after a page is on screen: dialogs, drawers and tabs other than the first (their
// code is fetched when first opened), the password meter's dictionaries, the QR encoder. Those are listed, not counted.
// Sizes are gzip at level 9, as the build precompresses them (brotli, what browsers get, is shown beside).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const KB = 1000;
const BUDGET_LOGIN_BYTES = 200 * KB;
const BUDGET_PAGE_BYTES = 300 * KB;
const BUDGET_BOOKING_BYTES = 120 * KB;
const SHELL = 'src/features/shell/components/AppLayout.tsx';

const dist = path.resolve(process.argv[2] ?? 'dist/apps/web');
const manifestPath = path.join(dist, '.vite', 'manifest.json');
if (!existsSync(manifestPath)) {
  console.error(`bundle budget: no ${path.relative(process.cwd(), manifestPath)}; build the dashboard first (npx nx run web:build)`);
  process.exit(1);
}
/** @type {Record<string, { file: string, src?: string, isEntry?: boolean, isDynamicEntry?: boolean, imports?: string[] }>} */
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));

const sizes = new Map();
function sizeOf(file) {
  if (!sizes.has(file)) {
    const bytes = readFileSync(path.join(dist, file));
    sizes.set(file, {
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION }).length,
      brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY } }).length,
    });
  }
  return sizes.get(file);
}

/** The JavaScript files a chunk needs before it runs: itself and its static imports, transitively. */
function closure(key, files = new Set()) {
  const chunk = manifest[key];
  if (!chunk || files.has(chunk.file)) return files;
  files.add(chunk.file);
  for (const imported of chunk.imports ?? []) closure(imported, files);
  return files;
}

function total(files) {
  let raw = 0;
  let gzip = 0;
  let brotli = 0;
  for (const file of files) {
    if (!file.endsWith('.js')) continue;
    const size = sizeOf(file);
    raw += size.raw;
    gzip += size.gzip;
    brotli += size.brotli;
  }
  return { raw, gzip, brotli };
}

const entryKey = 'index.html';
const bookingKey = 'book.html';
for (const key of [entryKey, bookingKey]) {
  if (!manifest[key]?.isEntry) {
    console.error(`bundle budget: the manifest names no entry chunk for ${key}`);
    process.exit(1);
  }
}
const entryFiles = closure(entryKey);
const routed = new Set(manifest[entryKey].dynamicImports ?? []);
if (!routed.has(SHELL)) {
  console.error(`bundle budget: ${SHELL} is not loaded with its route (not a dynamic import of the entry)`);
  process.exit(1);
}
// Every other dynamic import of the entry counts as a page (the QR encoder that two-step enrolment loads too: safe side).
const pages = [...routed].filter((key) => key !== SHELL);
const label = (key) => (manifest[key].src ?? `${manifest[key].name} (chunk)`).replace(/^src\/features\//, '').replace(/^.*node_modules\//, '');
const onDemand = Object.keys(manifest).filter((key) => manifest[key].isDynamicEntry && !routed.has(key) && !(manifest[bookingKey].dynamicImports ?? []).includes(key));

const rows = [{ name: '/login (entry and its imports)', ...total(entryFiles), budget: BUDGET_LOGIN_BYTES }];
rows.push({ name: 'the app frame alone (no page)', ...total(new Set([...entryFiles, ...closure(SHELL)])), budget: BUDGET_PAGE_BYTES });
for (const key of pages) {
  const files = new Set([...entryFiles, ...closure(SHELL), ...closure(key)]);
  rows.push({ name: label(key), ...total(files), budget: BUDGET_PAGE_BYTES });
}
const bookingFiles = closure(bookingKey);
const booking = { name: '/book and /book/manage/<key>', ...total(bookingFiles), budget: BUDGET_BOOKING_BYTES };
const bookingOnDemand = manifest[bookingKey].dynamicImports ?? [];
const [login, ...pageRows] = rows;
pageRows.sort((a, b) => b.gzip - a.gzip);

const kb = (bytes) => `${(bytes / KB).toFixed(1)} kB`.padStart(9);
const line = (row) =>
  `${row.gzip > row.budget ? 'OVER' : 'ok  '}  ${row.name.padEnd(52)} gzip ${kb(row.gzip)} / ${kb(row.budget)}   br ${kb(row.brotli)}   raw ${kb(row.raw)}`;
console.log('First-load JavaScript (gzip level 9; budgets: /login 200 kB, any dashboard page 300 kB, the booking pages 120 kB)');
console.log(line(login));
console.log(line(booking));
for (const row of pageRows) console.log(line(row));
for (const key of onDemand) {
  // What opening it fetches beyond the first load of the page it is on (at most: the entry and the frame are loaded).
  const extra = [...closure(key)].filter((file) => !entryFiles.has(file) && !closure(SHELL).has(file));
  console.log(`on demand  ${label(key).padEnd(46)} up to gzip ${kb(total(extra).gzip)} more, not counted`);
}
for (const key of bookingOnDemand) {
  const extra = [...closure(key)].filter((file) => !bookingFiles.has(file));
  console.log(`on demand  ${`booking: ${label(key).replace(/^src\/book\//, '')}`.padEnd(46)} gzip ${kb(total(extra).gzip)} more, not counted`);
}

rows.push(booking);
const over = rows.filter((row) => row.gzip > row.budget);
if (over.length > 0) {
  console.error(`bundle budget: over budget: ${over.map((row) => row.name).join(', ')}`);
  process.exit(1);
}
console.log(`bundle budget: ${rows.length} first loads within budget (largest page: ${pageRows[0]?.name ?? 'none'}, ${kb(pageRows[0]?.gzip ?? 0).trim()})`);
