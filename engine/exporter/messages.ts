// Message subscriptions and correlations, as Camunda's exporter keeps them:
// - PROCESS_MESSAGE_SUBSCRIPTION CREATED / CORRELATED / DELETED / MIGRATED: the subscription of
//   a waiting instance, its state the last intent;
// - PROCESS_MESSAGE_SUBSCRIPTION CORRELATED and MESSAGE_START_EVENT_SUBSCRIPTION CORRELATED:
//   one correlated message each (a start event has no element instance).
// The definition key comes from the process instance (written earlier in the same commit);
// a start event's correlation key, when its record lacks one, from the message's record.

import type pg from 'pg';
import type { HistoryRecord } from '../runtime/rows.ts';
import { num, text, type Projection } from './values.ts';

const SUBSCRIPTION_STATES = new Set(['CREATED', 'CORRELATED', 'DELETED', 'MIGRATED']);

type Row = unknown[];

export class MessageProjection implements Projection {
  readonly valueTypes = ['PROCESS_MESSAGE_SUBSCRIPTION', 'MESSAGE_START_EVENT_SUBSCRIPTION'];
  private subscriptions = new Map<number, Row>();
  private correlations = new Map<string, Row>();

  add(record: HistoryRecord): void {
    const v = record.value;
    if (record.valueType === 'PROCESS_MESSAGE_SUBSCRIPTION') {
      if (!SUBSCRIPTION_STATES.has(record.intent)) return;
      // Zeebe names the catch event `elementId`; the built-in runtime's rows `targetElementId`.
      const elementId = text(v.elementId) ?? text(v.targetElementId);
      this.subscriptions.set(record.key, [
        record.key, num(v.processInstanceKey), text(v.bpmnProcessId), elementId, num(v.elementInstanceKey), record.intent,
        record.timestamp, text(v.messageName), text(v.correlationKey) ?? '',
      ]);
      if (record.intent === 'CORRELATED') {
        this.correlate([record.key, num(v.messageKey), num(v.processInstanceKey), text(v.bpmnProcessId), elementId, num(v.elementInstanceKey), text(v.messageName), text(v.correlationKey), record.timestamp]);
      }
    } else if (record.intent === 'CORRELATED') {
      this.correlate([record.key, num(v.messageKey) ?? record.key, num(v.processInstanceKey), text(v.bpmnProcessId), text(v.startEventId), null, text(v.messageName), text(v.correlationKey), record.timestamp]);
    }
  }

  private correlate(row: Row): void {
    const id = `${row[0]} ${row[1]} ${row[2]}`;
    if (!this.correlations.has(id)) this.correlations.set(id, row);
  }

  async write(client: pg.ClientBase): Promise<void> {
    const column = (rows: Row[], i: number) => rows.map((r) => r[i] ?? null);
    if (this.subscriptions.size) {
      const rows = [...this.subscriptions.values()];
      await client.query(
        `INSERT INTO engine_search_message_subscriptions
           (key, process_instance_key, process_definition_key, bpmn_process_id, element_id, element_instance_key, state, last_updated, message_name, correlation_key)
         SELECT u.key, u.pik, p.process_definition_key, COALESCE(u.bpmn_process_id, p.bpmn_process_id, ''), COALESCE(u.element_id, ''), u.eik, u.state,
                u.last_updated, COALESCE(u.message_name, ''), u.correlation_key
         FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[], $5::bigint[], $6::text[], $7::bigint[], $8::text[], $9::text[])
              AS u(key, pik, bpmn_process_id, element_id, eik, state, last_updated, message_name, correlation_key)
         LEFT JOIN engine_search_process_instances p ON p.key = u.pik
         ON CONFLICT (key) DO UPDATE SET state = EXCLUDED.state, last_updated = EXCLUDED.last_updated, element_id = EXCLUDED.element_id,
           bpmn_process_id = EXCLUDED.bpmn_process_id, process_definition_key = EXCLUDED.process_definition_key`,
        rows[0].map((_, i) => column(rows, i)),
      );
    }
    if (this.correlations.size) {
      const rows = [...this.correlations.values()];
      await client.query(
        `INSERT INTO engine_search_correlated_messages
           (subscription_key, message_key, process_instance_key, process_definition_key, bpmn_process_id, element_id, element_instance_key,
            message_name, correlation_key, correlation_time)
         SELECT u.sk, u.mk, u.pik, p.process_definition_key, COALESCE(u.bpmn_process_id, p.bpmn_process_id, ''), COALESCE(u.element_id, ''), u.eik,
                COALESCE(u.message_name, ''),
                COALESCE(u.correlation_key,
                  (SELECT r.value->>'correlationKey' FROM engine_records r WHERE r.key = u.mk AND r.value_type = 'MESSAGE' ORDER BY r.position LIMIT 1), ''),
                u.at
         FROM unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::text[], $5::text[], $6::bigint[], $7::text[], $8::text[], $9::bigint[])
              WITH ORDINALITY AS u(sk, mk, pik, bpmn_process_id, element_id, eik, message_name, correlation_key, at, n)
         LEFT JOIN engine_search_process_instances p ON p.key = u.pik
         ORDER BY u.n
         ON CONFLICT (subscription_key, message_key, process_instance_key) DO NOTHING`,
        rows[0].map((_, i) => column(rows, i)),
      );
    }
  }
}
