// Every expression-capable value of the built model, checked at deploy: FEEL expressions
// ('=...') must parse, values Zeebe only takes as FEEL must start with '=', and static values
// with a known format (timers, dates, priorities, candidate lists) must have that format.

import type { ExecutableProcess, FlowNode } from './types.ts';
import type { Issues } from './issues.ts';
import { kindOfNode } from './element-kinds.ts';
import { feelSyntaxError } from './feel-check.ts';
import { isTimerCycle, isTimerDate, isTimerDuration } from './timer-syntax.ts';

interface Value {
  /** Where the value is written, as the XML names it: "zeebe:taskDefinition type". */
  attribute: string;
  value: string | undefined;
  /** Zeebe accepts only a FEEL expression here, never a static value. */
  feelOnly?: boolean;
  /** Format a static (non-'=') value must have; returns what was expected, or undefined when fine. */
  staticFormat?: (value: string) => string | undefined;
}

export function checkExpressions(proc: ExecutableProcess, issues: Issues): void {
  for (const node of proc.elements.values()) {
    for (const v of valuesOf(node)) {
      const problem = problemOf(v);
      if (problem) issues.add(node.id, kindOfNode(node), problem);
    }
    const targets = [
      ...node.inputMappings.map((m) => ['input', m.target] as const),
      ...node.outputMappings.map((m) => ['output', m.target] as const),
    ];
    for (const [direction, target] of targets) {
      if (!isVariablePath(target)) {
        issues.add(
          node.id,
          kindOfNode(node),
          `the ${direction} mapping target '${target}' is not a variable name or path (e.g. 'ticket' or 'ticket.status'). ` +
            'Enter a target variable.',
        );
      }
    }
  }
  for (const flow of proc.flows.values()) {
    const problem = problemOf({ attribute: 'conditionExpression', value: flow.condition, feelOnly: true });
    if (problem) issues.add(flow.id, 'sequenceFlow', problem);
  }
}

function problemOf({ attribute, value, feelOnly, staticFormat }: Value): string | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (trimmed.startsWith('=')) {
    const error = feelSyntaxError(trimmed.slice(1));
    return error === undefined
      ? undefined
      : `the FEEL expression in ${attribute} does not parse (${error}): '${value}'. Correct the expression.`;
  }
  if (feelOnly) {
    return trimmed === ''
      ? `${attribute} is empty. Enter a FEEL expression starting with '='.`
      : `${attribute} must be a FEEL expression starting with '=', but is the static value '${value}'. Write it as '=${trimmed}'.`;
  }
  const expected = staticFormat?.(trimmed);
  return expected === undefined
    ? undefined
    : `${attribute} '${value}' is not ${expected}. Correct the value, or use a FEEL expression starting with '='.`;
}

function valuesOf(node: FlowNode): Value[] {
  const values: Value[] = [];
  const push = (v: Value) => values.push(v);

  for (const m of node.inputMappings) if (m.source !== '') push({ attribute: `zeebe:input source (target '${m.target}')`, value: m.source });
  for (const m of node.outputMappings) push({ attribute: `zeebe:output source (target '${m.target}')`, value: m.source, feelOnly: true });

  if (node.job) {
    push({ attribute: 'zeebe:taskDefinition type', value: node.job.type });
    push({ attribute: 'zeebe:taskDefinition retries', value: node.job.retries });
  }
  if (node.script) push({ attribute: 'zeebe:script expression', value: node.script.expression, feelOnly: true });
  if (node.calledDecision) push({ attribute: 'zeebe:calledDecision decisionId', value: node.calledDecision.decisionId });
  if (node.calledElement) push({ attribute: 'zeebe:calledElement processId', value: node.calledElement.processId });

  const task = node.userTask;
  if (task) {
    push({ attribute: 'zeebe:assignmentDefinition assignee', value: task.assignee });
    push({ attribute: 'zeebe:assignmentDefinition candidateGroups', value: task.candidateGroups, staticFormat: csv });
    push({ attribute: 'zeebe:assignmentDefinition candidateUsers', value: task.candidateUsers, staticFormat: csv });
    push({ attribute: 'zeebe:taskSchedule dueDate', value: task.dueDate, staticFormat: dateTime });
    push({ attribute: 'zeebe:taskSchedule followUpDate', value: task.followUpDate, staticFormat: dateTime });
    push({ attribute: 'zeebe:priorityDefinition priority', value: task.priority, staticFormat: priority });
  }

  if (node.timer) {
    const { kind, expression } = node.timer;
    push({ attribute: `the timer ${TIMER_ATTRIBUTES[kind]}`, value: expression, staticFormat: TIMER_FORMATS[kind] });
  }
  if (node.message) {
    push({ attribute: 'the message name', value: node.message.name });
    push({ attribute: 'the message correlationKey', value: node.message.correlationKey, feelOnly: true });
  }
  if (node.signal) push({ attribute: 'the signal name', value: node.signal.name });
  const throwing = node.type === 'END_EVENT' || node.type === 'INTERMEDIATE_THROW_EVENT';
  if (throwing && node.error) push({ attribute: 'the errorCode', value: node.error.errorCode });
  if (throwing && node.escalation) push({ attribute: 'the escalationCode', value: node.escalation.escalationCode });

  const mi = node.multiInstance;
  if (mi) {
    push({ attribute: 'zeebe:loopCharacteristics inputCollection', value: mi.inputCollection, feelOnly: true });
    push({ attribute: 'zeebe:loopCharacteristics outputElement', value: mi.outputElement, feelOnly: true });
    push({ attribute: 'the completionCondition', value: mi.completionCondition });
  }
  return values;
}

/** A variable name or a dotted path into one; FEEL names allow any letters, e.g. Chinese. */
function isVariablePath(target: string): boolean {
  return /^[\p{L}_$?][\p{L}\p{N}_$?]*(\.[\p{L}_$?][\p{L}\p{N}_$?]*)*$/u.test(target);
}

const csv = (v: string) => (v.split(',').every((item) => item.trim() !== '') ? undefined : "a comma-separated list, e.g. 'a,b,c'");
const dateTime = (v: string) => (isTimerDate(v) ? undefined : "an ISO 8601 date-time with zone, e.g. '2025-10-01T09:00:00+08:00'");
const priority = (v: string) =>
  /^\d+$/.test(v) && Number(v) <= 100 ? undefined : 'a whole number between 0 and 100';

const TIMER_ATTRIBUTES = { date: 'timeDate', duration: 'timeDuration', cycle: 'timeCycle' } as const;
const TIMER_FORMATS = {
  date: dateTime,
  duration: (v: string) => (isTimerDuration(v) ? undefined : "an ISO 8601 duration, e.g. 'PT15M' or 'P3D'"),
  cycle: (v: string) =>
    isTimerCycle(v)
      ? undefined
      : "an ISO 8601 repeating interval (e.g. 'R3/PT10M') or a cron expression (e.g. '0 0 9 * * MON-FRI')",
};
