// The executable model: BPMN resources parsed, validated and turned into what the runtime runs.
export * from './types.ts';
export { parseBpmn } from './parse-bpmn.ts';
export { checkRuntimeSupport, type RuntimeSupport } from './runtime-support.ts';
