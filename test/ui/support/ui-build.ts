// The UI tests run against the built bundle: build it unless admin-ui/dist is current.
import { buildUi } from '../../../admin-ui/index.ts';

let built: Promise<unknown> | undefined;

export function ensureUiBuilt(): Promise<unknown> {
  built ??= buildUi({ quiet: true });
  return built;
}
