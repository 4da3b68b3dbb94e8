// Builds the browser app into admin-ui/dist, unless the build there is already of the
// current sources: `npm start` and `npm test` run this first and should not pay for a
// rebuild (~half a minute) when nothing changed.
//   tsx admin-ui/build.ts             build when the sources or the lockfile changed
//   tsx admin-ui/build.ts --force     build always
//   tsx admin-ui/build.ts --verbose   with Vite's list of files and sizes
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const uiDir = path.dirname(fileURLToPath(import.meta.url));
const distDir = path.join(uiDir, 'dist');
const stampFile = path.join(distDir, '.build-stamp');
const lockFile = path.join(uiDir, '..', 'package-lock.json');

/** A hash of everything the bundle is made of: our sources and the installed versions. */
async function sourceHash(): Promise<string> {
  const hash = crypto.createHash('sha256');
  const files: string[] = [];
  for (const entry of await fs.readdir(uiDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const rel = path.relative(uiDir, file);
    if (rel.split(path.sep)[0] === 'dist' || rel.includes('node_modules')) continue;
    files.push(file);
  }
  files.sort();
  for (const file of [...files, lockFile]) {
    hash.update(path.relative(uiDir, file));
    hash.update('\0');
    hash.update(await fs.readFile(file).catch(() => Buffer.alloc(0)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

export async function isUiBuildCurrent(): Promise<boolean> {
  const stamp = await fs.readFile(stampFile, 'utf8').catch(() => '');
  return stamp !== '' && stamp === (await sourceHash());
}

export interface UiBuildResult {
  built: boolean;
  ms: number;
}

export async function buildUi(options: { force?: boolean; quiet?: boolean } = {}): Promise<UiBuildResult> {
  const started = Date.now();
  const hash = await sourceHash();
  const stamp = await fs.readFile(stampFile, 'utf8').catch(() => '');
  if (!options.force && stamp === hash) return { built: false, ms: Date.now() - started };
  // Loaded here so that importing admin-ui (the server does) does not load Vite.
  const { build } = await import('vite');
  const { default: config } = await import('./vite.config.ts');
  await build({ ...config, configFile: false, logLevel: options.quiet ? 'warn' : 'info' });
  await fs.writeFile(stampFile, hash);
  return { built: true, ms: Date.now() - started };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const force = process.argv.includes('--force');
  buildUi({ force, quiet: !process.argv.includes('--verbose') }).then(
    ({ built, ms }) => console.log(built ? `admin-ui: built in ${(ms / 1000).toFixed(1)} s → ${distDir}` : 'admin-ui: dist is up to date'),
    (err) => {
      console.error('admin-ui: build failed:', err instanceof Error ? err.message : err);
      process.exitCode = 1;
    },
  );
}
