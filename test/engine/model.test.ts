import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import {
  checkRuntimeSupport,
  ModelError,
  parseBpmn,
  type BpmnElementType,
  type BpmnEventType,
  type ExecutableProcess,
  type FlowNode,
} from '../../engine/model/index.ts';

const fixtures = new URL('../fixtures/bpmn/', import.meta.url);
const fixture = (name: string) => readFileSync(new URL(name, fixtures), 'utf8');
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Invalid models are written inline: a process body and root elements, without diagram. */
function model(body: string, roots = '', processAttrs = 'id="Process_1" isExecutable="true"'): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:modeler="http://camunda.org/schema/modeler/1.0" id="Definitions_1" targetNamespace="http://bpmn.io/schema/bpmn" modeler:executionPlatform="Camunda Cloud" modeler:executionPlatformVersion="8.8.0">
  <bpmn:process ${processAttrs}>
    ${body}
  </bpmn:process>
  ${roots}
</bpmn:definitions>`;
}

const start = '<bpmn:startEvent id="Start" />';
const end = (id = 'End') => `<bpmn:endEvent id="${id}" />`;
const flow = (id: string, s: string, t: string, condition?: string) =>
  condition === undefined
    ? `<bpmn:sequenceFlow id="${id}" sourceRef="${s}" targetRef="${t}" />`
    : `<bpmn:sequenceFlow id="${id}" sourceRef="${s}" targetRef="${t}"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${condition}</bpmn:conditionExpression></bpmn:sequenceFlow>`;
const ext = (inner: string) => `<bpmn:extensionElements>${inner}</bpmn:extensionElements>`;
const service = (id: string, inner = '<zeebe:taskDefinition type="work" />', more = '') =>
  `<bpmn:serviceTask id="${id}">${inner ? ext(inner) : ''}${more}</bpmn:serviceTask>`;
const timer = (kind: 'timeDate' | 'timeDuration' | 'timeCycle', value: string) =>
  `<bpmn:timerEventDefinition><bpmn:${kind} xsi:type="bpmn:tFormalExpression">${value}</bpmn:${kind}></bpmn:timerEventDefinition>`;
const message = (id: string, name: string, correlationKey?: string) =>
  `<bpmn:message id="${id}" name="${name}">${correlationKey ? ext(`<zeebe:subscription correlationKey="${correlationKey}" />`) : ''}</bpmn:message>`;
/** start -> Task (service) -> end, with room for more elements. */
const around = (task: string, more = '') =>
  `${start}${task}${end()}${flow('F1', 'Start', 'Task')}${flow('F2', 'Task', 'End')}${more}`;

async function rejection(xml: string, resourceName = 'test.bpmn'): Promise<ModelError> {
  try {
    await parseBpmn(xml, resourceName);
  } catch (err) {
    expect(err).to.be.instanceOf(ModelError);
    return err as ModelError;
  }
  return expect.fail('expected the model to be rejected') as never;
}

describe('engine/model', () => {
  describe('parseBpmn on a model with every supported element kind', () => {
    let proc: ExecutableProcess;
    const el = (id: string): FlowNode => {
      const node = proc.elements.get(id);
      expect(node, `element ${id}`).to.not.equal(undefined);
      return node as FlowNode;
    };

    before(async () => {
      const processes = await parseBpmn(fixture('all-elements.bpmn'), 'all-elements.bpmn');
      expect(processes).to.have.length(1);
      proc = processes[0];
    });

    it('reads the process with its version tag and keeps the PROCESS element under its id', () => {
      expect(proc.id).to.equal('complaint-all-elements');
      expect(proc.name).to.equal('投诉处置（全部元素）');
      expect(proc.versionTag).to.equal('v1.0');
      const root = el('complaint-all-elements');
      expect(root.type).to.equal('PROCESS');
      expect(root.flowScopeId).to.equal('');
      expect([...proc.elements.keys()][0]).to.equal('complaint-all-elements');
    });

    it('contains every element type and every event type', () => {
      const types = new Set([...proc.elements.values()].map((n) => n.type));
      const all: BpmnElementType[] = [
        'PROCESS', 'SUB_PROCESS', 'EVENT_SUB_PROCESS', 'START_EVENT', 'INTERMEDIATE_CATCH_EVENT',
        'INTERMEDIATE_THROW_EVENT', 'BOUNDARY_EVENT', 'END_EVENT', 'SERVICE_TASK', 'SEND_TASK',
        'RECEIVE_TASK', 'USER_TASK', 'MANUAL_TASK', 'TASK', 'SCRIPT_TASK', 'BUSINESS_RULE_TASK',
        'CALL_ACTIVITY', 'EXCLUSIVE_GATEWAY', 'PARALLEL_GATEWAY', 'INCLUSIVE_GATEWAY', 'EVENT_BASED_GATEWAY',
      ];
      expect([...types].sort()).to.deep.equal([...all].sort());
      const events = new Set([...proc.elements.values()].map((n) => n.eventType).filter((t) => t !== undefined));
      const allEvents: BpmnEventType[] = ['NONE', 'TIMER', 'MESSAGE', 'ERROR', 'ESCALATION', 'SIGNAL', 'TERMINATE', 'LINK'];
      expect([...events].sort()).to.deep.equal([...allEvents].sort());
      // the multi-instance body is the runtime's business; the model marks the activity
      expect(types.has('MULTI_INSTANCE_BODY')).to.equal(false);
    });

    it('records the flow scopes: children, start events and event sub-processes', () => {
      const root = el('complaint-all-elements');
      expect(root.startEventIds).to.deep.equal(['StartEvent_Received', 'StartEvent_Hotline', 'StartEvent_Daily', 'StartEvent_Import']);
      expect(root.eventSubProcessIds).to.deep.equal(['EventSub_Escalation', 'EventSub_Overdue', 'EventSub_Revoked', 'EventSub_Error']);
      expect(root.childIds).to.include.members(['Task_Register', 'Boundary_Closed', 'SubProcess_Review', 'EventSub_Error']);
      expect(root.childIds).to.not.include('Task_AwaitReview');

      const sub = el('SubProcess_Review');
      expect(sub.childIds).to.deep.equal(['StartEvent_Review', 'Task_AwaitReview', 'Gateway_Review', 'End_ReviewDone', 'End_ReviewFailed']);
      expect(sub.startEventIds).to.deep.equal(['StartEvent_Review']);
      expect(el('Task_AwaitReview').flowScopeId).to.equal('SubProcess_Review');

      const esp = el('EventSub_Escalation');
      expect(esp.type).to.equal('EVENT_SUB_PROCESS');
      expect(esp.startEventIds).to.deep.equal(['StartEvent_Escalated']);
      expect(el('Task_Supervise').flowScopeId).to.equal('EventSub_Escalation');
      for (const n of proc.elements.values()) {
        if (n.type !== 'PROCESS') expect(proc.elements.has(n.flowScopeId), `scope of ${n.id}`).to.equal(true);
      }
    });

    it('links elements and sequence flows both ways, with default flows and conditions', () => {
      expect(el('Gateway_Join').incoming).to.have.members(['Flow_Received', 'Flow_Hotline', 'Flow_Daily', 'Flow_Import']);
      expect(el('Gateway_Join').outgoing).to.deep.equal(['Flow_Register']);
      expect(el('Gateway_Route').defaultFlowId).to.equal('Flow_Accept');
      expect(el('Gateway_Options').defaultFlowId).to.equal('Flow_Record');
      expect(proc.flows.get('Flow_RejectInvalid')).to.deep.equal({
        id: 'Flow_RejectInvalid',
        name: '无效投诉',
        sourceId: 'Gateway_Route',
        targetId: 'End_Rejected',
        condition: '=category = "invalid"',
      });
      expect(proc.flows.get('Flow_Accept')?.condition).to.equal(undefined);
      for (const f of proc.flows.values()) {
        expect(el(f.sourceId).outgoing).to.include(f.id);
        expect(el(f.targetId).incoming).to.include(f.id);
      }
    });

    it('reads job workers with type, retries (default 3), headers and io mappings', () => {
      const register = el('Task_Register');
      expect(register.job).to.deep.equal({ type: 'register-ticket', retries: '5', headers: { channel: 'hotline' } });
      expect(register.inputMappings).to.deep.equal([
        { source: '=complainant', target: 'ticket.complainant' },
        { source: '=now()', target: 'receivedAt' },
      ]);
      expect(register.outputMappings).to.deep.equal([{ source: '=ticketId', target: 'ticketId' }]);
      expect(el('Task_Remind').job).to.deep.equal({ type: 'send-reminder', retries: '3', headers: {} });
      expect(el('Task_Notify').job?.type).to.equal('="notify-" + channel');
      // message throw events are job workers in Zeebe 8.8
      expect(el('Throw_Reply').job?.type).to.equal('publish-reply');
      expect(el('End_Supervisor').job?.type).to.equal('notify-supervisor');
      expect(el('StartEvent_Hotline').outputMappings).to.deep.equal([{ source: '=caller', target: 'complainant' }]);
    });

    it('reads business rule, script, user task and call activity settings', () => {
      expect(el('Task_Classify').calledDecision).to.deep.equal({
        decisionId: 'complaint-category',
        resultVariable: 'category',
        bindingType: 'deployment',
      });
      expect(el('Task_Classify').job).to.equal(undefined);
      expect(el('Task_Score').script).to.deep.equal({
        expression: '=if category = "food" then 1 else 2',
        resultVariable: 'priorityScore',
      });
      expect(el('Task_Mediate').userTask).to.deep.equal({
        assignee: '=handler',
        candidateGroups: 'mediators,supervisors',
        dueDate: '=now() + duration("P7D")',
        priority: '70',
        formId: 'mediation-form',
        formBindingType: 'latest',
        headers: { stage: 'mediation' },
      });
      expect(el('Task_Supervise').userTask).to.deep.equal({
        candidateGroups: 'supervisors',
        formKey: 'https://forms.example.org/supervise',
      });
      expect(el('CallActivity_Archive').calledElement).to.deep.equal({
        processId: 'archive',
        propagateAllChildVariables: false,
        propagateAllParentVariables: true,
        bindingType: 'latest',
      });
      expect(el('Task_Record').type).to.equal('TASK');
      expect(el('Task_Visit').type).to.equal('MANUAL_TASK');
    });

    it('reads multi-instance loop characteristics', () => {
      expect(el('Task_Notify').multiInstance).to.deep.equal({
        sequential: false,
        inputCollection: '=recipients',
        inputElement: 'recipient',
        outputCollection: 'notifications',
        outputElement: '=notificationId',
        completionCondition: '=numberOfCompletedInstances >= 1',
      });
      expect(el('Task_Register').multiInstance).to.equal(undefined);
    });

    it('reads timers, messages, signals, errors, escalations, links and terminate events', () => {
      expect(el('StartEvent_Daily').timer).to.deep.equal({ kind: 'cycle', expression: 'R/2025-01-01T09:00:00+08:00/P1D' });
      expect(el('Catch_Timeout').timer).to.deep.equal({ kind: 'duration', expression: 'P3D' });
      expect(el('StartEvent_Overdue').timer).to.deep.equal({ kind: 'date', expression: '2026-01-01T09:00:00+08:00' });

      // a process message start event correlates by name only
      expect(el('StartEvent_Hotline').message).to.deep.equal({ name: 'complaint-received' });
      expect(el('Catch_Reply').message).to.deep.equal({ name: 'complainant-replied', correlationKey: '=ticketId' });
      expect(el('Task_AwaitReview').message).to.deep.equal({ name: 'review-done', correlationKey: '=ticketId' });
      expect(el('StartEvent_Revoked').message).to.deep.equal({ name: 'ticket-revoked', correlationKey: '=ticketId' });

      expect(el('StartEvent_Import').signal).to.deep.equal({ name: 'bulk-import' });
      expect(el('End_Archived').signal).to.deep.equal({ name: 'ticket-archived' });
      expect(el('End_ReviewFailed').error).to.deep.equal({ errorCode: 'REVIEW_FAILED' });
      expect(el('Boundary_ReviewError').error).to.deep.equal({ errorCode: 'REVIEW_FAILED' });
      // without error reference: catches every error
      expect(el('StartEvent_AnyError').error).to.deep.equal({});
      expect(el('Throw_Escalate').escalation).to.deep.equal({ escalationCode: 'ESC_REVIEW' });
      expect(el('Boundary_ArchiveEscalation').escalation).to.deep.equal({});
      expect(el('Link_ThrowReply').link).to.deep.equal({ name: 'to-close' });
      expect(el('Link_CatchClose').link).to.deep.equal({ name: 'to-close' });
      expect(el('End_Withdrawn').eventType).to.equal('TERMINATE');
      expect(el('Throw_Timeout').eventType).to.equal('NONE');
      expect(el('Task_Register').eventType).to.equal(undefined);
    });

    it('reads boundary events and their activities', () => {
      expect(el('Task_Mediate').boundaryEventIds).to.deep.equal(['Boundary_Remind', 'Boundary_Withdrawn']);
      expect(el('Boundary_Remind')).to.include({ attachedToId: 'Task_Mediate', cancelActivity: false, interrupting: false });
      expect(el('Boundary_Withdrawn')).to.include({ attachedToId: 'Task_Mediate', cancelActivity: true, interrupting: true });
      expect(el('SubProcess_Review').boundaryEventIds).to.deep.equal(['Boundary_ReviewError']);
      expect(el('Boundary_Remind').incoming).to.deep.equal([]);
      expect(el('Boundary_Remind').outgoing).to.deep.equal(['Flow_Remind']);
    });

    it('marks event sub-processes and their start events as interrupting or not', () => {
      expect(el('EventSub_Escalation').interrupting).to.equal(false);
      expect(el('StartEvent_Escalated').interrupting).to.equal(false);
      expect(el('EventSub_Revoked').interrupting).to.equal(true);
      expect(el('StartEvent_Revoked').interrupting).to.equal(true);
      expect(el('StartEvent_Received').interrupting).to.equal(undefined);
    });
  });

  describe('parseBpmn on a collaboration', () => {
    it('returns every executable process in file order and skips the others', async () => {
      const processes = await parseBpmn(fixture('archive.bpmn'), 'archive.bpmn');
      expect(processes.map((p) => p.id)).to.deep.equal(['archive', 'archive-audit']);
      const [archive, audit] = processes;
      expect(archive.elements.get('Task_Store')?.job?.retries).to.equal('=retriesFor("archive")');
      expect(audit.elements.get('StartEvent_Audit')?.message).to.deep.equal({ name: 'archive-requested' });
      expect(audit.elements.get('Task_Audit')?.userTask).to.deep.equal({
        candidateUsers: 'auditor1, auditor2',
        dueDate: '2025-12-31T17:00:00+08:00',
        followUpDate: '=today()',
        formId: 'audit-form',
        formBindingType: 'versionTag',
        formVersionTag: '2025-10',
      });
    });
  });

  describe('fixtures', () => {
    // Every file in test/fixtures/bpmn is a valid model (invalid ones are written inline below),
    // so each must pass the check Camunda Modeler runs before deploying.
    it('pass bpmnlint with the Camunda 8.8 rules', async () => {
      const files = readdirSync(fixtures).filter((f) => f.endsWith('.bpmn')).map((f) => fileURLToPath(new URL(f, fixtures)));
      expect(files.length).to.be.greaterThan(0);
      const bin = fileURLToPath(new URL('node_modules/.bin/bpmnlint', `file://${repoRoot}`));
      await promisify(execFile)(bin, files, { cwd: repoRoot }); // rejects on lint errors
    });

    it('ignore problems in the diagram part, as Zeebe does', async () => {
      const xml = fixture('archive.bpmn')
        .replace('bpmnElement="End_Audit"', 'bpmnElement="Gone"')
        .replace('<dc:Bounds x="130"', '<bpmndi:unknownThing /><dc:Bounds x="130"');
      expect(await parseBpmn(xml, 'archive.bpmn')).to.have.length(2);
    });
  });

  describe('rejected files', () => {
    it('rejects text that is not XML, naming the resource', async () => {
      const err = await rejection('not a model', 'order.bpmn');
      expect(err.resourceName).to.equal('order.bpmn');
      expect(err.message).to.match(/^Resource 'order\.bpmn': is not well-formed XML/);
    });

    it('rejects XML that is not BPMN', async () => {
      const dmn = '<?xml version="1.0"?><definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="d" namespace="x" />';
      expect((await rejection(dmn)).message).to.include('is not a BPMN 2.0 file');
    });

    it('rejects a file without executable process', async () => {
      const err = await rejection(model(`${start}`, '', 'id="Process_1" isExecutable="false"'));
      expect(err.message).to.include('contains no executable process');
    });

    const parseCases: { title: string; xml: string; id: string; says: string[] }[] = [
      {
        title: 'an unknown BPMN element, named by the element it is in',
        xml: model('<bpmn:startEvent id="Start"><bpmn:foo /></bpmn:startEvent>'),
        id: 'Start',
        says: ["Element 'Start' (startEvent)", '<bpmn:foo>', 'line 4'],
      },
      {
        title: 'an unknown zeebe extension element',
        xml: model(around(service('Task', '<zeebe:taskDefinition type="a" /><zeebe:bogus />'))),
        id: 'Task',
        says: ['<zeebe:bogus>', 'Remove it'],
      },
      {
        title: 'an unknown attribute on an extension element',
        xml: model(around(service('Task', '<zeebe:taskDefinition type="a" typo="1" />'))),
        id: 'Task',
        says: ["unknown attribute 'typo' on <zeebe:taskDefinition>"],
      },
      {
        title: 'a duplicate id',
        xml: model(around(service('Task'), service('Task'))),
        id: 'Task',
        says: ["the id 'Task' is used more than once"],
      },
      {
        title: 'a reference to an element that does not exist',
        xml: model(`${start}${flow('Flow', 'Start', 'Nowhere')}`),
        id: 'Flow',
        says: ["Element 'Flow' (sequenceFlow)", "targetRef refers to 'Nowhere'"],
      },
    ];
    for (const c of parseCases) {
      it(`rejects ${c.title}`, async () => {
        const err = await rejection(c.xml);
        expect(err.elementId).to.equal(c.id);
        for (const s of c.says) expect(err.message).to.include(s);
      });
    }
  });

  describe('validation', () => {
    const cases: { title: string; xml: string; id: string; says: string[] }[] = [
      // elements the engine does not run
      {
        title: 'a compensation boundary event',
        xml: model(around(service('Task'), '<bpmn:boundaryEvent id="Boundary" attachedToRef="Task"><bpmn:compensateEventDefinition /></bpmn:boundaryEvent>')),
        id: 'Boundary',
        says: ['(boundaryEvent, compensation)', 'compensation events are not supported'],
      },
      {
        title: 'a compensation throw event',
        xml: model(`${start}<bpmn:intermediateThrowEvent id="Throw"><bpmn:compensateEventDefinition /></bpmn:intermediateThrowEvent>${flow('F', 'Start', 'Throw')}`),
        id: 'Throw',
        says: ['compensation events are not supported'],
      },
      {
        title: 'a compensation handler',
        xml: model(around('<bpmn:serviceTask id="Task" isForCompensation="true"><bpmn:extensionElements><zeebe:taskDefinition type="a" /></bpmn:extensionElements></bpmn:serviceTask>')),
        id: 'Task',
        says: ['compensation handlers are not supported'],
      },
      {
        title: 'a transaction',
        xml: model(`${start}<bpmn:transaction id="Tx"><bpmn:startEvent id="TxStart" /></bpmn:transaction>${flow('F', 'Start', 'Tx')}`),
        id: 'Tx',
        says: ['(transaction)', 'transactions are not supported'],
      },
      {
        title: 'an ad-hoc sub-process',
        xml: model(`${start}<bpmn:adHocSubProcess id="AdHoc" />${flow('F', 'Start', 'AdHoc')}`),
        id: 'AdHoc',
        says: ['ad-hoc sub-processes are not supported'],
      },
      {
        title: 'a complex gateway',
        xml: model(`${start}<bpmn:complexGateway id="Complex" />${flow('F', 'Start', 'Complex')}`),
        id: 'Complex',
        says: ['(complexGateway)', 'complex gateways are not supported'],
      },
      {
        title: 'a conditional event',
        xml: model(`${start}<bpmn:intermediateCatchEvent id="Cond"><bpmn:conditionalEventDefinition><bpmn:condition xsi:type="bpmn:tFormalExpression">=x</bpmn:condition></bpmn:conditionalEventDefinition></bpmn:intermediateCatchEvent>${flow('F', 'Start', 'Cond')}`),
        id: 'Cond',
        says: ['(intermediateCatchEvent, conditional)', 'conditional events are not supported'],
      },
      {
        title: 'a cancel end event',
        xml: model(`${start}<bpmn:endEvent id="Cancel"><bpmn:cancelEventDefinition /></bpmn:endEvent>${flow('F', 'Start', 'Cancel')}`),
        id: 'Cancel',
        says: ['cancel events belong to transactions'],
      },
      {
        title: 'an event with two event definitions',
        xml: model(`${start}<bpmn:startEvent id="Start2"><bpmn:timerEventDefinition><bpmn:timeCycle>R/PT1H</bpmn:timeCycle></bpmn:timerEventDefinition><bpmn:signalEventDefinition signalRef="Signal_1" /></bpmn:startEvent>`, '<bpmn:signal id="Signal_1" name="s" />'),
        id: 'Start2',
        says: ['(startEvent, multiple)', 'more than one event definition'],
      },
      {
        title: 'a standard loop',
        xml: model(around(service('Task', '<zeebe:taskDefinition type="a" />', '<bpmn:standardLoopCharacteristics />'))),
        id: 'Task',
        says: ['standard loops are not supported'],
      },
      {
        title: 'a multi-instance loop cardinality',
        xml: model(around(service('Task', '<zeebe:taskDefinition type="a" />', '<bpmn:multiInstanceLoopCharacteristics><bpmn:extensionElements><zeebe:loopCharacteristics inputCollection="=items" /></bpmn:extensionElements><bpmn:loopCardinality xsi:type="bpmn:tFormalExpression">3</bpmn:loopCardinality></bpmn:multiInstanceLoopCharacteristics>'))),
        id: 'Task',
        says: ['loop cardinality is not supported'],
      },
      {
        title: 'multi-instance without input collection',
        xml: model(around(service('Task', '<zeebe:taskDefinition type="a" />', '<bpmn:multiInstanceLoopCharacteristics />'))),
        id: 'Task',
        says: ['needs an input collection'],
      },
      {
        title: 'a multi-instance output collection without output element',
        xml: model(around(service('Task', '<zeebe:taskDefinition type="a" />', '<bpmn:multiInstanceLoopCharacteristics><bpmn:extensionElements><zeebe:loopCharacteristics inputCollection="=items" outputCollection="results" /></bpmn:extensionElements></bpmn:multiInstanceLoopCharacteristics>'))),
        id: 'Task',
        says: ['Enter the output element'],
      },
      {
        title: 'execution listeners',
        xml: model(around(service('Task', '<zeebe:taskDefinition type="a" /><zeebe:executionListeners><zeebe:executionListener eventType="start" type="l" /></zeebe:executionListeners>'))),
        id: 'Task',
        says: ['execution listeners are not supported'],
      },
      {
        title: 'task listeners',
        xml: model(around('<bpmn:userTask id="Task"><bpmn:extensionElements><zeebe:userTask /><zeebe:taskListeners><zeebe:taskListener eventType="creating" type="l" /></zeebe:taskListeners></bpmn:extensionElements></bpmn:userTask>')),
        id: 'Task',
        says: ['task listeners are not supported'],
      },
      {
        title: 'a job worker user task',
        xml: model(around('<bpmn:userTask id="Task" />')),
        id: 'Task',
        says: ['(userTask)', 'Camunda user task'],
      },
      {
        title: 'a Camunda user task with a form key',
        xml: model(around('<bpmn:userTask id="Task"><bpmn:extensionElements><zeebe:userTask /><zeebe:formDefinition formKey="camunda-forms:bpmn:form" /></bpmn:extensionElements></bpmn:userTask>')),
        id: 'Task',
        says: ['cannot use a form key'],
      },
      {
        title: 'a task header given twice',
        xml: model(around(service('Task', '<zeebe:taskDefinition type="a" /><zeebe:taskHeaders><zeebe:header key="k" value="1" /><zeebe:header key="k" value="2" /></zeebe:taskHeaders>'))),
        id: 'Task',
        says: ["task header 'k' more than once"],
      },

      // what each kind needs
      {
        title: 'a service task without job type',
        xml: model(around(service('Task', ''))),
        id: 'Task',
        says: ["Element 'Task' (serviceTask) in 'test.bpmn': must have a zeebe:taskDefinition with a job type. Add a task definition type in the properties panel."],
      },
      {
        title: 'a send task without job type',
        xml: model(around('<bpmn:sendTask id="Task" />')),
        id: 'Task',
        says: ['(sendTask)', 'zeebe:taskDefinition with a job type'],
      },
      {
        title: 'a message end event without job type',
        xml: model(`${start}<bpmn:endEvent id="End"><bpmn:messageEventDefinition /></bpmn:endEvent>${flow('F', 'Start', 'End')}`),
        id: 'End',
        says: ['(endEvent, message)', 'message throw events are done by job workers'],
      },
      {
        title: 'a business rule task without decision or job type',
        xml: model(around('<bpmn:businessRuleTask id="Task" />')),
        id: 'Task',
        says: ['a called decision (zeebe:calledDecision) or a job worker'],
      },
      {
        title: 'a business rule task with both decision and job type',
        xml: model(around('<bpmn:businessRuleTask id="Task"><bpmn:extensionElements><zeebe:calledDecision decisionId="d" resultVariable="r" /><zeebe:taskDefinition type="a" /></bpmn:extensionElements></bpmn:businessRuleTask>')),
        id: 'Task',
        says: ['exactly one of them'],
      },
      {
        title: 'a called decision without result variable',
        xml: model(around('<bpmn:businessRuleTask id="Task"><bpmn:extensionElements><zeebe:calledDecision decisionId="d" /></bpmn:extensionElements></bpmn:businessRuleTask>')),
        id: 'Task',
        says: ['no result variable'],
      },
      {
        title: 'a script task without script or job type',
        xml: model(around('<bpmn:scriptTask id="Task" />')),
        id: 'Task',
        says: ['(scriptTask)', 'a FEEL script (zeebe:script)'],
      },
      {
        title: 'a call activity without process id',
        xml: model(around('<bpmn:callActivity id="Task"><bpmn:extensionElements><zeebe:calledElement /></bpmn:extensionElements></bpmn:callActivity>')),
        id: 'Task',
        says: ['(callActivity)', 'the id of the process to call'],
      },
      {
        title: 'a version tag binding without version tag',
        xml: model(around('<bpmn:callActivity id="Task"><bpmn:extensionElements><zeebe:calledElement processId="p" bindingType="versionTag" /></bpmn:extensionElements></bpmn:callActivity>')),
        id: 'Task',
        says: ['binds by version tag but names none'],
      },
      {
        title: 'a message catch event without message',
        xml: model(`${start}<bpmn:intermediateCatchEvent id="Catch"><bpmn:messageEventDefinition /></bpmn:intermediateCatchEvent>${flow('F', 'Start', 'Catch')}`),
        id: 'Catch',
        says: ['(intermediateCatchEvent, message)', 'must reference a message'],
      },
      {
        title: 'a message without name',
        xml: model(`${start}<bpmn:intermediateCatchEvent id="Catch"><bpmn:messageEventDefinition messageRef="M" /></bpmn:intermediateCatchEvent>${flow('F', 'Start', 'Catch')}`, '<bpmn:message id="M"><bpmn:extensionElements><zeebe:subscription correlationKey="=k" /></bpmn:extensionElements></bpmn:message>'),
        id: 'Catch',
        says: ["its message 'M' has no name"],
      },
      {
        title: 'a message catch event without correlation key',
        xml: model(`${start}<bpmn:intermediateCatchEvent id="Catch"><bpmn:messageEventDefinition messageRef="M" /></bpmn:intermediateCatchEvent>${flow('F', 'Start', 'Catch')}`, message('M', 'm')),
        id: 'Catch',
        says: ["its message 'm' needs a correlation key"],
      },
      {
        title: 'a receive task without correlation key',
        xml: model(around('<bpmn:receiveTask id="Task" messageRef="M" />'), message('M', 'm')),
        id: 'Task',
        says: ['(receiveTask)', 'needs a correlation key'],
      },
      {
        title: 'an event sub-process message start event without correlation key',
        xml: model(`${start}<bpmn:subProcess id="Sub" triggeredByEvent="true"><bpmn:startEvent id="SubStart"><bpmn:messageEventDefinition messageRef="M" /></bpmn:startEvent></bpmn:subProcess>`, message('M', 'm')),
        id: 'SubStart',
        says: ['needs a correlation key'],
      },
      {
        title: 'a timer without value',
        xml: model(`${start}<bpmn:intermediateCatchEvent id="Catch">${timer('timeDuration', ' ')}</bpmn:intermediateCatchEvent>${flow('F', 'Start', 'Catch')}`),
        id: 'Catch',
        says: ['(intermediateCatchEvent, timer)', 'timer timeDuration has no value'],
      },
      {
        title: 'a timer without date, duration or cycle',
        xml: model(`${start}<bpmn:intermediateCatchEvent id="Catch"><bpmn:timerEventDefinition /></bpmn:intermediateCatchEvent>${flow('F', 'Start', 'Catch')}`),
        id: 'Catch',
        says: ['exactly one timer value'],
      },
      {
        title: 'an intermediate timer that repeats',
        xml: model(`${start}<bpmn:intermediateCatchEvent id="Catch">${timer('timeCycle', 'R3/PT1H')}</bpmn:intermediateCatchEvent>${flow('F', 'Start', 'Catch')}`),
        id: 'Catch',
        says: ['cannot repeat'],
      },
      {
        title: 'an interrupting boundary timer that repeats',
        xml: model(around(service('Task'), `<bpmn:boundaryEvent id="Boundary" attachedToRef="Task">${timer('timeCycle', 'R3/PT1H')}</bpmn:boundaryEvent>`)),
        id: 'Boundary',
        says: ['an interrupting timer cannot repeat'],
      },
      {
        title: 'a process timer start event with a duration',
        xml: model(`<bpmn:startEvent id="Start">${timer('timeDuration', 'PT1H')}</bpmn:startEvent>`),
        id: 'Start',
        says: ['needs a date or a cycle'],
      },
      {
        title: 'an error start event at process level',
        xml: model('<bpmn:startEvent id="Start"><bpmn:errorEventDefinition /></bpmn:startEvent>'),
        id: 'Start',
        says: ['error start events are only allowed in event sub-processes'],
      },
      {
        title: 'a boundary event without event definition',
        xml: model(around(service('Task'), '<bpmn:boundaryEvent id="Boundary" attachedToRef="Task" />')),
        id: 'Boundary',
        says: ['(boundaryEvent)', 'a boundary event needs a trigger'],
      },
      {
        title: 'an intermediate catch event without event definition',
        xml: model(`${start}<bpmn:intermediateCatchEvent id="Catch" />${flow('F', 'Start', 'Catch')}`),
        id: 'Catch',
        says: ['an intermediate catch event needs a trigger'],
      },
      {
        title: 'a non-interrupting error boundary event',
        xml: model(around(service('Task'), '<bpmn:boundaryEvent id="Boundary" attachedToRef="Task" cancelActivity="false"><bpmn:errorEventDefinition /></bpmn:boundaryEvent>')),
        id: 'Boundary',
        says: ['error events cannot be non-interrupting'],
      },
      {
        title: 'an escalation boundary event on a task',
        xml: model(around(service('Task'), '<bpmn:boundaryEvent id="Boundary" attachedToRef="Task"><bpmn:escalationEventDefinition /></bpmn:boundaryEvent>')),
        id: 'Boundary',
        says: ['only be attached to a sub-process or a call activity'],
      },
      {
        title: 'an error end event without error',
        xml: model(`${start}<bpmn:endEvent id="End"><bpmn:errorEventDefinition /></bpmn:endEvent>${flow('F', 'Start', 'End')}`),
        id: 'End',
        says: ['(endEvent, error)', 'must reference an error'],
      },
      {
        title: 'an error end event whose error has no code',
        xml: model(`${start}<bpmn:endEvent id="End"><bpmn:errorEventDefinition errorRef="E" /></bpmn:endEvent>${flow('F', 'Start', 'End')}`, '<bpmn:error id="E" name="failed" />'),
        id: 'End',
        says: ["its error 'failed' has no error code"],
      },
      {
        title: 'an error catch event with an expression as code',
        xml: model(around(service('Task'), '<bpmn:boundaryEvent id="Boundary" attachedToRef="Task"><bpmn:errorEventDefinition errorRef="E" /></bpmn:boundaryEvent>'), '<bpmn:error id="E" errorCode="=code" />'),
        id: 'Boundary',
        says: ['cannot be an expression'],
      },
      {
        title: 'a signal event without signal',
        xml: model(`${start}<bpmn:endEvent id="End"><bpmn:signalEventDefinition /></bpmn:endEvent>${flow('F', 'Start', 'End')}`),
        id: 'End',
        says: ['must reference a signal'],
      },

      // structure
      {
        title: 'a sequence flow into another scope',
        xml: model(`${start}<bpmn:subProcess id="Sub"><bpmn:startEvent id="SubStart" /><bpmn:endEvent id="SubEnd" />${flow('Inner', 'SubStart', 'SubEnd')}</bpmn:subProcess>${flow('Cross', 'Start', 'SubEnd')}`),
        id: 'Cross',
        says: ["Element 'Cross' (sequenceFlow)", "connects 'SubEnd', which is in another scope"],
      },
      {
        title: 'a process without start event',
        xml: model(service('Task')),
        id: 'Process_1',
        says: ["Element 'Process_1' (process)", 'at least one start event'],
      },
      {
        title: 'two none start events in one scope',
        xml: model(`${start}<bpmn:startEvent id="Start2" />`),
        id: 'Start2',
        says: ['second none start event'],
      },
      {
        title: 'a start event with incoming flows',
        xml: model(`${start}${service('Task')}${flow('F1', 'Start', 'Task')}${flow('Back', 'Task', 'Start')}`),
        id: 'Start',
        says: ['cannot have incoming sequence flows'],
      },
      {
        title: 'an embedded sub-process without start event',
        xml: model(`${start}<bpmn:subProcess id="Sub">${end('SubEnd')}</bpmn:subProcess>${flow('F', 'Start', 'Sub')}`),
        id: 'Sub',
        says: ['(subProcess)', 'exactly one start event, not 0'],
      },
      {
        title: 'an event sub-process with two start events',
        xml: model(`${start}<bpmn:subProcess id="Sub" triggeredByEvent="true"><bpmn:startEvent id="A">${timer('timeDuration', 'PT1H')}</bpmn:startEvent><bpmn:startEvent id="B">${timer('timeDuration', 'PT2H')}</bpmn:startEvent></bpmn:subProcess>`),
        id: 'Sub',
        says: ['(eventSubProcess)', 'exactly one start event, not 2'],
      },
      {
        title: 'an event sub-process started by a none start event',
        xml: model(`${start}<bpmn:subProcess id="Sub" triggeredByEvent="true"><bpmn:startEvent id="SubStart" /></bpmn:subProcess>`),
        id: 'SubStart',
        says: ['the start event of an event sub-process needs a trigger'],
      },
      {
        title: 'an embedded sub-process started by a timer',
        xml: model(`${start}<bpmn:subProcess id="Sub"><bpmn:startEvent id="SubStart">${timer('timeDuration', 'PT1H')}</bpmn:startEvent></bpmn:subProcess>${flow('F', 'Start', 'Sub')}`),
        id: 'SubStart',
        says: ['must be a none start event'],
      },
      {
        title: 'a default flow that does not leave the gateway',
        xml: model(`${start}<bpmn:exclusiveGateway id="Gateway" default="F1" />${end()}${flow('F1', 'Start', 'Gateway')}${flow('F2', 'Gateway', 'End')}`),
        id: 'Gateway',
        says: ["its default flow 'F1' does not leave this gateway"],
      },
      {
        title: 'a flow out of an exclusive gateway without condition',
        xml: model(`${start}<bpmn:exclusiveGateway id="Gateway" default="A" />${end('E1')}${end('E2')}${end('E3')}${flow('F', 'Start', 'Gateway')}${flow('A', 'Gateway', 'E1')}${flow('B', 'Gateway', 'E2')}${flow('C', 'Gateway', 'E3', '=x &gt; 1')}`),
        id: 'B',
        says: ["leaves the exclusive gateway 'Gateway' without a condition"],
      },
      {
        title: 'a condition on a flow out of a parallel gateway',
        xml: model(`${start}<bpmn:parallelGateway id="Gateway" />${end('E1')}${end('E2')}${flow('F', 'Start', 'Gateway')}${flow('A', 'Gateway', 'E1', '=x')}${flow('B', 'Gateway', 'E2')}`),
        id: 'A',
        says: ["leaves 'Gateway' (parallelGateway)", 'conditions are only evaluated'],
      },
      {
        title: 'an event-based gateway leading to a task',
        xml: model(`${start}<bpmn:eventBasedGateway id="Gateway" />${service('Task')}<bpmn:intermediateCatchEvent id="Catch">${timer('timeDuration', 'PT1H')}</bpmn:intermediateCatchEvent>${flow('F', 'Start', 'Gateway')}${flow('A', 'Gateway', 'Task')}${flow('B', 'Gateway', 'Catch')}`),
        id: 'Gateway',
        says: ["leads to 'Task' (serviceTask)"],
      },
      {
        title: 'two boundary events waiting for the same message',
        xml: model(around(service('Task'), `<bpmn:boundaryEvent id="B1" attachedToRef="Task"><bpmn:messageEventDefinition messageRef="M" /></bpmn:boundaryEvent><bpmn:boundaryEvent id="B2" attachedToRef="Task"><bpmn:messageEventDefinition messageRef="M" /></bpmn:boundaryEvent>`), message('M', 'm', '=k')),
        id: 'Task',
        says: ["its boundary events wait for the message 'm' more than once"],
      },
      {
        title: 'a link throw event without catch',
        xml: model(`${start}<bpmn:intermediateThrowEvent id="LinkThrow"><bpmn:linkEventDefinition name="jump" /></bpmn:intermediateThrowEvent>${flow('F', 'Start', 'LinkThrow')}`),
        id: 'LinkThrow',
        says: ["throws the link 'jump', but no link catch event of that name is in the same scope"],
      },
      {
        title: 'two link catch events with one name',
        xml: model(`${start}<bpmn:intermediateThrowEvent id="LinkThrow"><bpmn:linkEventDefinition name="jump" /></bpmn:intermediateThrowEvent><bpmn:intermediateCatchEvent id="Catch1"><bpmn:linkEventDefinition name="jump" /></bpmn:intermediateCatchEvent><bpmn:intermediateCatchEvent id="Catch2"><bpmn:linkEventDefinition name="jump" /></bpmn:intermediateCatchEvent>${end('E1')}${end('E2')}${flow('F', 'Start', 'LinkThrow')}${flow('A', 'Catch1', 'E1')}${flow('B', 'Catch2', 'E2')}`),
        id: 'Catch2',
        says: ["catches the link 'jump', which 'Catch1' catches already"],
      },
      {
        title: 'a link event without name',
        xml: model(`${start}<bpmn:intermediateThrowEvent id="LinkThrow"><bpmn:linkEventDefinition /></bpmn:intermediateThrowEvent>${flow('F', 'Start', 'LinkThrow')}`),
        id: 'LinkThrow',
        says: ['must have a link name'],
      },
      {
        title: 'a loop in which nothing waits',
        xml: model(`${start}<bpmn:task id="A" /><bpmn:exclusiveGateway id="G" default="Back" />${end()}${flow('F1', 'Start', 'A')}${flow('F2', 'A', 'G')}${flow('Back', 'G', 'A')}${flow('Out', 'G', 'End', '=done')}`),
        id: 'A',
        says: ['(task)', 'loop in which nothing waits (A > G > A)'],
      },

      // expressions and static values
      {
        title: 'a FEEL syntax error in a condition, naming attribute and expression',
        xml: model(`${start}<bpmn:exclusiveGateway id="Gateway" default="A" />${end('E1')}${end('E2')}${flow('F', 'Start', 'Gateway')}${flow('A', 'Gateway', 'E1')}${flow('B', 'Gateway', 'E2', '=amount &gt;')}`),
        id: 'B',
        says: ["Element 'B' (sequenceFlow)", 'the FEEL expression in conditionExpression does not parse', "'=amount >'"],
      },
      {
        title: 'a FEEL syntax error in an input mapping',
        xml: model(around(service('Task', '<zeebe:taskDefinition type="a" /><zeebe:ioMapping><zeebe:input source="=if x then" target="y" /></zeebe:ioMapping>'))),
        id: 'Task',
        says: ["zeebe:input source (target 'y') does not parse", "'=if x then'"],
      },
      {
        title: 'a FEEL syntax error in a job type',
        xml: model(around(service('Task', '<zeebe:taskDefinition type="={a: 1" />'))),
        id: 'Task',
        says: ['the FEEL expression in zeebe:taskDefinition type does not parse', "'={a: 1'"],
      },
      {
        title: 'a condition written without =',
        xml: model(`${start}<bpmn:exclusiveGateway id="Gateway" default="A" />${end('E1')}${end('E2')}${flow('F', 'Start', 'Gateway')}${flow('A', 'Gateway', 'E1')}${flow('B', 'Gateway', 'E2', 'amount &gt; 1')}`),
        id: 'B',
        says: ["must be a FEEL expression starting with '='", "Write it as '=amount > 1'"],
      },
      {
        title: 'a static correlation key',
        xml: model(`${start}<bpmn:intermediateCatchEvent id="Catch"><bpmn:messageEventDefinition messageRef="M" /></bpmn:intermediateCatchEvent>${flow('F', 'Start', 'Catch')}`, message('M', 'm', 'ticketId')),
        id: 'Catch',
        says: ['the message correlationKey must be a FEEL expression'],
      },
      {
        title: 'an output mapping target that is no variable',
        xml: model(around(service('Task', '<zeebe:taskDefinition type="a" /><zeebe:ioMapping><zeebe:output source="=x" target="a b" /></zeebe:ioMapping>'))),
        id: 'Task',
        says: ["output mapping target 'a b' is not a variable name"],
      },
      {
        title: 'a timer date without zone',
        xml: model(`${start}<bpmn:intermediateCatchEvent id="Catch">${timer('timeDate', '2025-10-01T09:00:00')}</bpmn:intermediateCatchEvent>${flow('F', 'Start', 'Catch')}`),
        id: 'Catch',
        says: ["the timer timeDate '2025-10-01T09:00:00' is not an ISO 8601 date-time with zone"],
      },
      {
        title: 'a timer duration that is not ISO 8601',
        xml: model(`${start}<bpmn:intermediateCatchEvent id="Catch">${timer('timeDuration', '3 days')}</bpmn:intermediateCatchEvent>${flow('F', 'Start', 'Catch')}`),
        id: 'Catch',
        says: ["the timer timeDuration '3 days' is not an ISO 8601 duration"],
      },
      {
        title: 'a timer cycle that is neither ISO 8601 nor cron',
        xml: model(`<bpmn:startEvent id="Start">${timer('timeCycle', 'every day')}</bpmn:startEvent>`),
        id: 'Start',
        says: ["the timer timeCycle 'every day' is not an ISO 8601 repeating interval"],
      },
      {
        title: 'a user task priority above 100',
        xml: model(around('<bpmn:userTask id="Task"><bpmn:extensionElements><zeebe:userTask /><zeebe:priorityDefinition priority="101" /></bpmn:extensionElements></bpmn:userTask>')),
        id: 'Task',
        says: ['a whole number between 0 and 100'],
      },
      {
        title: 'a user task due date that is not a date-time',
        xml: model(around('<bpmn:userTask id="Task"><bpmn:extensionElements><zeebe:userTask /><zeebe:taskSchedule dueDate="tomorrow" /></bpmn:extensionElements></bpmn:userTask>')),
        id: 'Task',
        says: ["zeebe:taskSchedule dueDate 'tomorrow' is not an ISO 8601 date-time"],
      },
      {
        title: 'candidate groups that are no list',
        xml: model(around('<bpmn:userTask id="Task"><bpmn:extensionElements><zeebe:userTask /><zeebe:assignmentDefinition candidateGroups="a,,b" /></bpmn:extensionElements></bpmn:userTask>')),
        id: 'Task',
        says: ['is not a comma-separated list'],
      },
    ];

    for (const c of cases) {
      it(`rejects ${c.title}`, async () => {
        const err = await rejection(c.xml);
        expect(err.elementId, err.message).to.equal(c.id);
        expect(err.resourceName).to.equal('test.bpmn');
        for (const s of c.says) expect(err.message).to.include(s);
      });
    }

    it('reports every problem of a resource at once, naming the first element', async () => {
      const err = await rejection(model(`${start}${service('A', '')}${service('B', '')}${flow('F1', 'Start', 'A')}${flow('F2', 'A', 'B')}`));
      expect(err.elementId).to.equal('A');
      const lines = err.message.split('\n');
      expect(lines).to.have.length(2);
      expect(lines[0]).to.match(/^Element 'A' \(serviceTask\) in 'test\.bpmn': must have a zeebe:taskDefinition/);
      expect(lines[1]).to.match(/^Element 'B' \(serviceTask\)/);
    });

    it('accepts static and FEEL timer values of every kind, including cron cycles', async () => {
      const [proc] = await parseBpmn(
        model(
          `<bpmn:startEvent id="Cron">${timer('timeCycle', '0 0 9 * * MON-FRI')}</bpmn:startEvent>` +
            `<bpmn:startEvent id="Dated">${timer('timeDate', '=ticket.deadline')}</bpmn:startEvent>` +
            `${start}<bpmn:intermediateCatchEvent id="Wait">${timer('timeDuration', '=duration(limit)')}</bpmn:intermediateCatchEvent>` +
            `${end()}${flow('F1', 'Start', 'Wait')}${flow('F2', 'Wait', 'End')}${flow('F3', 'Cron', 'Wait')}${flow('F4', 'Dated', 'Wait')}`,
        ),
        'timers.bpmn',
      );
      expect(proc.elements.get('Cron')?.timer).to.deep.equal({ kind: 'cycle', expression: '0 0 9 * * MON-FRI' });
      expect(proc.elements.get('Wait')?.timer).to.deep.equal({ kind: 'duration', expression: '=duration(limit)' });
    });

    it('accepts a message start event without correlation key', async () => {
      const [proc] = await parseBpmn(
        model(`<bpmn:startEvent id="Start"><bpmn:messageEventDefinition messageRef="M" /></bpmn:startEvent>`, message('M', 'm')),
        'start.bpmn',
      );
      expect(proc.elements.get('Start')?.message).to.deep.equal({ name: 'm' });
    });
  });

  describe('checkRuntimeSupport', () => {
    let proc: ExecutableProcess;
    const everything = () => ({
      elementTypes: new Set([...proc.elements.values()].map((n) => n.type)),
      eventTypes: new Set<BpmnEventType>(['NONE', 'TIMER', 'MESSAGE', 'ERROR', 'ESCALATION', 'SIGNAL', 'TERMINATE', 'LINK']),
      multiInstance: true,
    });

    before(async () => {
      [proc] = await parseBpmn(fixture('all-elements.bpmn'), 'all-elements.bpmn');
    });

    it('passes when the runtime supports every kind used', () => {
      expect(() => checkRuntimeSupport(proc, 'all-elements.bpmn', everything())).to.not.throw();
    });

    it('names the first element of an unsupported event type', () => {
      const supported = everything();
      supported.eventTypes.delete('TIMER');
      const run = () => checkRuntimeSupport(proc, 'all-elements.bpmn', supported);
      expect(run).to.throw(ModelError, "Element 'StartEvent_Daily' (startEvent, timer) in 'all-elements.bpmn': timer events are not supported by the built-in engine yet");
      try {
        run();
      } catch (err) {
        expect((err as ModelError).elementId).to.equal('StartEvent_Daily');
        expect((err as ModelError).resourceName).to.equal('all-elements.bpmn');
      }
    });

    it('names the first element of an unsupported element type', () => {
      const supported = everything();
      supported.elementTypes.delete('SERVICE_TASK');
      expect(() => checkRuntimeSupport(proc, 'all-elements.bpmn', supported)).to.throw(
        ModelError,
        "Element 'Task_Register' (serviceTask) in 'all-elements.bpmn': service tasks are not supported by the built-in engine yet",
      );
    });

    it('names a multi-instance activity when multi-instance is not supported', () => {
      const supported = { ...everything(), multiInstance: false };
      expect(() => checkRuntimeSupport(proc, 'all-elements.bpmn', supported)).to.throw(
        ModelError,
        "Element 'Task_Notify' (serviceTask) in 'all-elements.bpmn': multi-instance activities are not supported",
      );
    });
  });
});
