// A command rejection, answered to the client as Zeebe's gateway does:
// "Command 'COMPLETE' rejected with code 'NOT_FOUND': Expected to ...".
// Thrown before any state is touched, so a rejected command changes nothing.

export type RejectionType =
  | 'INVALID_ARGUMENT'
  | 'NOT_FOUND'
  | 'ALREADY_EXISTS'
  | 'INVALID_STATE'
  | 'PROCESSING_ERROR'
  | 'EXCEEDED_BATCH_RECORD_SIZE'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN';

export class Rejection extends Error {
  constructor(
    readonly type: RejectionType,
    readonly intent: string,
    readonly reason: string,
  ) {
    super(`Command '${intent}' rejected with code '${type}': ${reason}`);
    this.name = 'Rejection';
  }
}

export function reject(type: RejectionType, intent: string, reason: string): never {
  throw new Rejection(type, intent, reason);
}
