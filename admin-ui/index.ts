// Public entry of admin-ui for the server: where the built browser app lives.
// The server serves this folder statically and answers index.html for any other GET that
// is not /api/… (the app uses HTML5 history routes such as /process/models).
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Absolute path of the built app (`admin-ui/dist`), made by `npm run build:ui`. */
export function uiAssetsDir(): string {
  return path.join(here, 'dist');
}

/** The app's HTML page, for the history-route fallback. */
export function uiIndexFile(): string {
  return path.join(uiAssetsDir(), 'index.html');
}

export { buildUi, isUiBuildCurrent } from './build.ts';
