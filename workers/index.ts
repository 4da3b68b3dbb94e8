// Public entry of the workers component: the job workers of the processes (one module per
// job type of processes/README.md) and the small runtime that registers them via @camunda8/sdk.
export { startWorkers, migrateWorkers, createNotifiers, createWorkerContext, type StartWorkersOptions, type RunningWorkers } from './start.ts';
export { loadWorkerSettings, WorkerSettingsError, type WorkerSettings } from './settings.ts';
export { JOB_MODULES } from './jobs/index.ts';
export type { JobModule, WorkerJob, WorkerContext, Variables } from './job-module.ts';
export { BpmnError, IncidentError } from './job-errors.ts';
export { idempotencyKey, once } from './idempotency.ts';
export { NoticeRenderer, NoticeTemplateMissing, type CatalogEntry, type RenderedNotice } from './notices/renderer.ts';
export { LAYOUT, readTemplateFiles, type NoticeTemplate, type TemplateSet } from './notices/template-source.ts';
export { MessageRenderer } from './notify/messages.ts';
export { DeliveryError, NOTIFY_CHANNELS, type Notifier, type Notifiers, type NotifyChannel, type OutgoingMessage } from './notify/notifier.ts';
