// Small BPMN builders for engine tests: each case reads as the process it runs, the way
// Zeebe's own tests use its model builder. Real files (with diagrams) live in test/fixtures.

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function definitions(...processes: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="Definitions_1" targetNamespace="http://bpmn.io/schema/bpmn">
${processes.join('\n')}
</bpmn:definitions>`;
}

export function processXml(id: string, ...elements: string[]): string {
  return `<bpmn:process id="${id}" isExecutable="true">\n${elements.join('\n')}\n</bpmn:process>`;
}

/** A whole deployable file with one process. */
export function bpmn(id: string, ...elements: string[]): Buffer {
  return Buffer.from(definitions(processXml(id, ...elements)));
}

export interface Mappings {
  inputs?: Record<string, string>;
  outputs?: Record<string, string>;
}

function io(m: Mappings = {}): string {
  const ins = Object.entries(m.inputs ?? {}).map(([t, s]) => `<zeebe:input source="${esc(s)}" target="${t}" />`);
  const outs = Object.entries(m.outputs ?? {}).map(([t, s]) => `<zeebe:output source="${esc(s)}" target="${t}" />`);
  return ins.length || outs.length ? `<zeebe:ioMapping>${ins.join('')}${outs.join('')}</zeebe:ioMapping>` : '';
}

export const start = (id = 'start') => `<bpmn:startEvent id="${id}" />`;
export const end = (id = 'end') => `<bpmn:endEvent id="${id}" />`;
export const terminateEnd = (id: string) => `<bpmn:endEvent id="${id}"><bpmn:terminateEventDefinition /></bpmn:endEvent>`;
export const errorEnd = (id: string, errorRef: string) => `<bpmn:endEvent id="${id}"><bpmn:errorEventDefinition errorRef="${errorRef}" /></bpmn:endEvent>`;
export const error = (id: string, code: string) => `<bpmn:error id="${id}" name="${id}" errorCode="${code}" />`;

export function flow(id: string, from: string, to: string, condition?: string): string {
  const cond = condition ? `<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${esc(condition)}</bpmn:conditionExpression>` : '';
  return `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}">${cond}</bpmn:sequenceFlow>`;
}

/** Connects elements in a row: flows f_a_b. */
export function chain(...ids: string[]): string {
  return ids.slice(1).map((to, i) => flow(`f_${ids[i]}_${to}`, ids[i], to)).join('\n');
}

export function serviceTask(id: string, type: string, options: Mappings & { retries?: string; headers?: Record<string, string> } = {}): string {
  const headers = options.headers
    ? `<zeebe:taskHeaders>${Object.entries(options.headers).map(([k, v]) => `<zeebe:header key="${k}" value="${esc(v)}" />`).join('')}</zeebe:taskHeaders>`
    : '';
  return `<bpmn:serviceTask id="${id}"><bpmn:extensionElements><zeebe:taskDefinition type="${esc(type)}" retries="${options.retries ?? '3'}" />${headers}${io(options)}</bpmn:extensionElements></bpmn:serviceTask>`;
}

export function scriptTask(id: string, expression: string, resultVariable: string, m: Mappings = {}): string {
  return `<bpmn:scriptTask id="${id}"><bpmn:extensionElements><zeebe:script expression="${esc(expression)}" resultVariable="${resultVariable}" />${io(m)}</bpmn:extensionElements></bpmn:scriptTask>`;
}

export function ruleTask(id: string, decisionId: string, resultVariable: string): string {
  return `<bpmn:businessRuleTask id="${id}"><bpmn:extensionElements><zeebe:calledDecision decisionId="${decisionId}" resultVariable="${resultVariable}" /></bpmn:extensionElements></bpmn:businessRuleTask>`;
}

export function callActivity(id: string, processId: string, options: Mappings & { propagateAllChildVariables?: boolean; propagateAllParentVariables?: boolean } = {}): string {
  const flags = [
    options.propagateAllChildVariables === false ? ' propagateAllChildVariables="false"' : '',
    options.propagateAllParentVariables === false ? ' propagateAllParentVariables="false"' : '',
  ].join('');
  return `<bpmn:callActivity id="${id}"><bpmn:extensionElements><zeebe:calledElement processId="${processId}"${flags} />${io(options)}</bpmn:extensionElements></bpmn:callActivity>`;
}

export function subProcess(id: string, m: Mappings, ...elements: string[]): string {
  const ext = io(m);
  return `<bpmn:subProcess id="${id}">${ext ? `<bpmn:extensionElements>${ext}</bpmn:extensionElements>` : ''}\n${elements.join('\n')}\n</bpmn:subProcess>`;
}

export function errorEventSubProcess(id: string, startId: string, errorRef: string | undefined, ...elements: string[]): string {
  const def = errorRef ? `<bpmn:errorEventDefinition errorRef="${errorRef}" />` : '<bpmn:errorEventDefinition />';
  return `<bpmn:subProcess id="${id}" triggeredByEvent="true"><bpmn:startEvent id="${startId}" isInterrupting="true">${def}</bpmn:startEvent>\n${elements.join('\n')}\n</bpmn:subProcess>`;
}

export function gateway(kind: 'exclusive' | 'parallel' | 'inclusive', id: string, defaultFlow?: string): string {
  return `<bpmn:${kind}Gateway id="${id}"${defaultFlow ? ` default="${defaultFlow}"` : ''} />`;
}

export function errorBoundary(id: string, attachedTo: string, errorRef?: string, m: Mappings = {}): string {
  const ext = io(m);
  return `<bpmn:boundaryEvent id="${id}" attachedToRef="${attachedTo}">${ext ? `<bpmn:extensionElements>${ext}</bpmn:extensionElements>` : ''}<bpmn:errorEventDefinition${errorRef ? ` errorRef="${errorRef}"` : ''} /></bpmn:boundaryEvent>`;
}

export const manualTask = (id: string) => `<bpmn:manualTask id="${id}" />`;
export const task = (id: string) => `<bpmn:task id="${id}" />`;

// --- events ---

export function timerCatch(id: string, kind: 'timeDuration' | 'timeDate' | 'timeCycle', value: string): string {
  return `<bpmn:intermediateCatchEvent id="${id}"><bpmn:timerEventDefinition><bpmn:${kind}>${esc(value)}</bpmn:${kind}></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>`;
}

export function timerBoundary(id: string, attachedTo: string, kind: 'timeDuration' | 'timeDate' | 'timeCycle', value: string, interrupting = true): string {
  return `<bpmn:boundaryEvent id="${id}" attachedToRef="${attachedTo}" cancelActivity="${interrupting}"><bpmn:timerEventDefinition><bpmn:${kind}>${esc(value)}</bpmn:${kind}></bpmn:timerEventDefinition></bpmn:boundaryEvent>`;
}

export function timerStart(id: string, kind: 'timeDuration' | 'timeDate' | 'timeCycle', value: string): string {
  return `<bpmn:startEvent id="${id}"><bpmn:timerEventDefinition><bpmn:${kind}>${esc(value)}</bpmn:${kind}></bpmn:timerEventDefinition></bpmn:startEvent>`;
}

/** A bpmn:message with its zeebe:subscription correlation key (definitions level). */
export function message(id: string, name: string, correlationKey?: string): string {
  const sub = correlationKey ? `<bpmn:extensionElements><zeebe:subscription correlationKey="${esc(correlationKey)}" /></bpmn:extensionElements>` : '';
  return `<bpmn:message id="${id}" name="${esc(name)}">${sub}</bpmn:message>`;
}

export const messageCatch = (id: string, messageRef: string) => `<bpmn:intermediateCatchEvent id="${id}"><bpmn:messageEventDefinition messageRef="${messageRef}" /></bpmn:intermediateCatchEvent>`;
export const messageStart = (id: string, messageRef: string) => `<bpmn:startEvent id="${id}"><bpmn:messageEventDefinition messageRef="${messageRef}" /></bpmn:startEvent>`;
export const receiveTask = (id: string, messageRef: string) => `<bpmn:receiveTask id="${id}" messageRef="${messageRef}" />`;
export function messageBoundary(id: string, attachedTo: string, messageRef: string, interrupting = true): string {
  return `<bpmn:boundaryEvent id="${id}" attachedToRef="${attachedTo}" cancelActivity="${interrupting}"><bpmn:messageEventDefinition messageRef="${messageRef}" /></bpmn:boundaryEvent>`;
}

export const signal = (id: string, name: string) => `<bpmn:signal id="${id}" name="${esc(name)}" />`;
export const signalCatch = (id: string, signalRef: string) => `<bpmn:intermediateCatchEvent id="${id}"><bpmn:signalEventDefinition signalRef="${signalRef}" /></bpmn:intermediateCatchEvent>`;
export const signalStart = (id: string, signalRef: string) => `<bpmn:startEvent id="${id}"><bpmn:signalEventDefinition signalRef="${signalRef}" /></bpmn:startEvent>`;
export const signalThrow = (id: string, signalRef: string) => `<bpmn:intermediateThrowEvent id="${id}"><bpmn:signalEventDefinition signalRef="${signalRef}" /></bpmn:intermediateThrowEvent>`;

export const escalation = (id: string, code: string) => `<bpmn:escalation id="${id}" name="${id}" escalationCode="${code}" />`;
export const escalationThrow = (id: string, escalationRef: string) => `<bpmn:intermediateThrowEvent id="${id}"><bpmn:escalationEventDefinition escalationRef="${escalationRef}" /></bpmn:intermediateThrowEvent>`;
export function escalationBoundary(id: string, attachedTo: string, escalationRef: string | undefined, interrupting: boolean): string {
  return `<bpmn:boundaryEvent id="${id}" attachedToRef="${attachedTo}" cancelActivity="${interrupting}"><bpmn:escalationEventDefinition${escalationRef ? ` escalationRef="${escalationRef}"` : ''} /></bpmn:boundaryEvent>`;
}

export const linkThrow = (id: string, name: string) => `<bpmn:intermediateThrowEvent id="${id}"><bpmn:linkEventDefinition name="${name}" /></bpmn:intermediateThrowEvent>`;
export const linkCatch = (id: string, name: string) => `<bpmn:intermediateCatchEvent id="${id}"><bpmn:linkEventDefinition name="${name}" /></bpmn:intermediateCatchEvent>`;
export const eventGateway = (id: string) => `<bpmn:eventBasedGateway id="${id}" />`;

export function eventSubProcess(id: string, startXml: string, ...elements: string[]): string {
  return `<bpmn:subProcess id="${id}" triggeredByEvent="true">${startXml}\n${elements.join('\n')}\n</bpmn:subProcess>`;
}

export function timerEspStart(id: string, value: string, interrupting: boolean): string {
  return `<bpmn:startEvent id="${id}" isInterrupting="${interrupting}"><bpmn:timerEventDefinition><bpmn:timeDuration>${esc(value)}</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:startEvent>`;
}
export function messageEspStart(id: string, messageRef: string, interrupting: boolean): string {
  return `<bpmn:startEvent id="${id}" isInterrupting="${interrupting}"><bpmn:messageEventDefinition messageRef="${messageRef}" /></bpmn:startEvent>`;
}

/** Adds multi-instance characteristics to an activity's XML. */
export function multiInstance(activityXml: string, options: { collection: string; element?: string; outputCollection?: string; outputElement?: string; completionCondition?: string; sequential?: boolean }): string {
  const attrs = [`inputCollection="${esc(options.collection)}"`, options.element ? `inputElement="${options.element}"` : '', options.outputCollection ? `outputCollection="${options.outputCollection}"` : '', options.outputElement ? `outputElement="${esc(options.outputElement)}"` : ''].filter(Boolean).join(' ');
  const condition = options.completionCondition ? `<bpmn:completionCondition xsi:type="bpmn:tFormalExpression">${esc(options.completionCondition)}</bpmn:completionCondition>` : '';
  const loop = `<bpmn:multiInstanceLoopCharacteristics${options.sequential ? ' isSequential="true"' : ''}><bpmn:extensionElements><zeebe:loopCharacteristics ${attrs} /></bpmn:extensionElements>${condition}</bpmn:multiInstanceLoopCharacteristics>`;
  return activityXml.replace(/<\/bpmn:(\w+)>$/, `${loop}</bpmn:$1>`);
}

export function userTaskXml(id: string, options: { assignee?: string; candidateGroups?: string; dueDate?: string; priority?: string; formId?: string; name?: string } = {}): string {
  const assignment = options.assignee || options.candidateGroups ? `<zeebe:assignmentDefinition${options.assignee ? ` assignee="${esc(options.assignee)}"` : ''}${options.candidateGroups ? ` candidateGroups="${esc(options.candidateGroups)}"` : ''} />` : '';
  const schedule = options.dueDate ? `<zeebe:taskSchedule dueDate="${esc(options.dueDate)}" />` : '';
  const priority = options.priority ? `<zeebe:priorityDefinition priority="${esc(options.priority)}" />` : '';
  const form = options.formId ? `<zeebe:formDefinition formId="${options.formId}" />` : '';
  return `<bpmn:userTask id="${id}"${options.name ? ` name="${esc(options.name)}"` : ''}><bpmn:extensionElements><zeebe:userTask />${form}${assignment}${schedule}${priority}</bpmn:extensionElements></bpmn:userTask>`;
}

export interface UserTaskOptions {
  name?: string;
  assignee?: string;
  candidateGroups?: string;
  candidateUsers?: string;
  dueDate?: string;
  followUpDate?: string;
  priority?: string;
  /** A linked, deployed form (zeebe:formDefinition formId). */
  formId?: string;
}

/** A Camunda user task (zeebe:userTask); attribute values may be FEEL expressions (`= ...`). */
export function userTask(id: string, options: UserTaskOptions = {}, m: Mappings = {}): string {
  const attrs = (pairs: Array<[string, string | undefined]>) => pairs.filter(([, v]) => v !== undefined).map(([k, v]) => ` ${k}="${esc(v!)}"`).join('');
  const assignment = attrs([['assignee', options.assignee], ['candidateGroups', options.candidateGroups], ['candidateUsers', options.candidateUsers]]);
  const schedule = attrs([['dueDate', options.dueDate], ['followUpDate', options.followUpDate]]);
  const parts = [
    '<zeebe:userTask />',
    options.formId ? `<zeebe:formDefinition formId="${esc(options.formId)}" />` : '',
    assignment ? `<zeebe:assignmentDefinition${assignment} />` : '',
    schedule ? `<zeebe:taskSchedule${schedule} />` : '',
    options.priority ? `<zeebe:priorityDefinition priority="${esc(options.priority)}" />` : '',
    io(m),
  ];
  return `<bpmn:userTask id="${id}"${options.name ? ` name="${esc(options.name)}"` : ''}><bpmn:extensionElements>${parts.join('')}</bpmn:extensionElements></bpmn:userTask>`;
}
