// The schema a new form starts from: empty, for Camunda 8.8 user tasks.
import { schemaVersion } from '@bpmn-io/form-js';

export interface FormSchema {
  id: string;
  type: 'default';
  components: unknown[];
  [key: string]: unknown;
}

export function newFormSchema(): FormSchema {
  return {
    id: `Form_${Math.random().toString(36).slice(2, 9)}`,
    type: 'default',
    components: [],
    executionPlatform: 'Camunda Cloud',
    executionPlatformVersion: '8.8.0',
    exporter: { name: '投诉举报处置平台', version: '1.0' },
    schemaVersion,
  };
}
