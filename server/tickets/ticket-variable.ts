// The `ticketId` process variable (processes/README.md) as the engine's searches give it:
// JSON text of the ticket's uuid.
import { isUuid } from '../../tickets/index.ts';

/** The ticket id a `ticketId` variable value names, or undefined when it names none. */
export function ticketIdOfVariable(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  try {
    const value: unknown = JSON.parse(raw);
    return isUuid(value) ? value : undefined;
  } catch {
    return undefined;
  }
}
