// How a job handler says it did not complete; the runtime turns each into the SDK call.

/** A business outcome the process models (error boundary event): job.error. */
export class BpmnError extends Error {
  constructor(readonly code: string, message: string, readonly variables: Record<string, unknown> = {}) {
    super(message);
    this.name = 'BpmnError';
  }
}

/**
 * Something a retry will not fix (missing configuration, a template or ticket that does not
 * exist): the job fails with no retries left, so an incident shows the message at once.
 */
export class IncidentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IncidentError';
  }
}

/** Anything else thrown is temporary (network, gateway down): retried with back-off until the model's retries run out. */
