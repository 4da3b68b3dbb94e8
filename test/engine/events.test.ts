// Events through the SDK: timers on the engine's pinned clock, messages (correlation,
// buffering, start events), signals, escalations, links and event-based gateways.

import { expect } from 'chai';
import {
  chain, definitions, end, escalation, escalationBoundary, escalationThrow, eventGateway, eventSubProcess, flow, gateway, linkCatch, linkThrow, message, messageBoundary,
  messageCatch, messageEspStart, messageStart, processXml, receiveTask, scriptTask, serviceTask, signal, signalCatch, signalStart, signalThrow, start, subProcess, timerBoundary,
  timerCatch, timerEspStart, timerStart,
} from '../support/bpmn.ts';
import { eventually, startTestEngine, type TestEngine } from '../support/engine.ts';

describe('events (timers, messages, signals, escalations, links)', () => {
  let t: TestEngine;
  let now = Date.UTC(2026, 8, 30, 1, 0, 0); // 2026-09-30 09:00 in Beijing
  before(async () => {
    t = await startTestEngine();
    t.engine.clock.pin(now);
  });
  after(async () => {
    await t?.stop();
  });

  /** Moves the engine clock forward; due timers fire. */
  async function advance(ms: number): Promise<void> {
    now += ms;
    t.engine.clock.pin(now);
    t.engine.engine.clockChanged();
    await new Promise((r) => setTimeout(r, 50));
  }
  const deploy = (xml: string, name: string) => t.zeebe.deployResource({ process: Buffer.from(xml), name });
  const completedIds = async (processInstanceKey: string) =>
    (await t.records({ valueType: 'PROCESS_INSTANCE', intent: 'ELEMENT_COMPLETED', processInstanceKey })).map((r) => r.value.elementId as string);
  const waitFor = (processInstanceKey: string, elementId: string) =>
    eventually(async () => ((await completedIds(processInstanceKey)).includes(elementId) ? true : undefined), `'${elementId}' to complete`);

  describe('timers', () => {
    it('an intermediate timer waits its duration on the engine clock', async () => {
      await deploy(definitions(processXml('wait-3d', start(), timerCatch('wait', 'timeDuration', 'P3D'), end(), chain('start', 'wait', 'end'))), 'wait-3d.bpmn');
      const instance = await t.zeebe.createProcessInstance({ bpmnProcessId: 'wait-3d', variables: {} });
      await advance(2 * 86_400_000);
      expect(await completedIds(instance.processInstanceKey)).to.not.include('wait');
      await advance(86_400_000 + 1000);
      await waitFor(instance.processInstanceKey, 'wait-3d');
    });

    it('a timer date comes from a FEEL expression over variables', async () => {
      await deploy(definitions(processXml('wait-until', start(), timerCatch('wait', 'timeDate', '=deadline'), end(), chain('start', 'wait', 'end'))), 'wait-until.bpmn');
      const deadline = new Date(now + 3_600_000).toISOString();
      const instance = await t.zeebe.createProcessInstance({ bpmnProcessId: 'wait-until', variables: { deadline } });
      await advance(3_600_000 + 1);
      await waitFor(instance.processInstanceKey, 'wait-until');
    });

    it('an interrupting boundary timer ends the task and takes its own path', async () => {
      await deploy(
        definitions(processXml('overdue', start(), serviceTask('handle', 'overdue-handle'), timerBoundary('late', 'handle', 'timeDuration', 'PT24H'), scriptTask('escalate', '="督办"', 'status'), end(), end('e2'), chain('start', 'handle', 'end'), chain('late', 'escalate', 'e2'))),
        'overdue.bpmn',
      );
      const instance = await t.zeebe.createProcessInstance({ bpmnProcessId: 'overdue', variables: {} });
      await advance(24 * 3_600_000 + 1);
      await waitFor(instance.processInstanceKey, 'overdue');
      const path = await completedIds(instance.processInstanceKey);
      expect(path).to.include.members(['late', 'escalate']).and.not.include('handle');
      expect(await t.zeebe.activateJobs({ type: 'overdue-handle', worker: 'w', maxJobsToActivate: 1, timeout: 1000, requestTimeout: -1 })).to.have.length(0);
    });

    it('a non-interrupting cycle boundary fires repeatedly while the task runs', async () => {
      await deploy(
        definitions(processXml('remind', start(), serviceTask('handle', 'remind-handle'), timerBoundary('reminder', 'handle', 'timeCycle', 'R3/PT1H', false), serviceTask('send', 'remind-send'), end(), end('e2'), chain('start', 'handle', 'end'), chain('reminder', 'send', 'e2'))),
        'remind.bpmn',
      );
      const instance = await t.zeebe.createProcessInstance({ bpmnProcessId: 'remind', variables: {} });
      for (let i = 0; i < 4; i++) await advance(3_600_000 + 1);
      const reminders = await eventually(async () => {
        const jobs = await t.zeebe.activateJobs({ type: 'remind-send', worker: 'w', maxJobsToActivate: 10, timeout: 60_000, requestTimeout: -1 });
        return jobs.length >= 3 ? jobs : undefined;
      }, 'three reminders');
      expect(reminders).to.have.length(3);
      const [task] = await t.zeebe.activateJobs({ type: 'remind-handle', worker: 'w', maxJobsToActivate: 1, timeout: 60_000, requestTimeout: -1 });
      expect(task.processInstanceKey).to.equal(instance.processInstanceKey);
    });

    it('a timer start event starts instances on its cycle', async () => {
      await deploy(definitions(processXml('daily', timerStart('every_day', 'timeCycle', 'R2/PT24H'), end(), chain('every_day', 'end'))), 'daily.bpmn');
      await advance(24 * 3_600_000 + 1);
      await advance(24 * 3_600_000 + 1);
      await advance(24 * 3_600_000 + 1);
      const created = await eventually(async () => {
        const rows = (await t.records({ valueType: 'PROCESS_INSTANCE', intent: 'ELEMENT_COMPLETED' })).filter((r) => r.value.bpmnProcessId === 'daily' && r.value.bpmnElementType === 'PROCESS');
        return rows.length >= 2 ? rows : undefined;
      }, 'two daily instances');
      expect(created).to.have.length(2);
    });

    it('a cron cycle fires at its next occurrence', async () => {
      // 2026-09-30T01:00Z; the next 02:00:00 UTC is an hour away.
      await deploy(definitions(processXml('cron-wait', start(), serviceTask('work', 'cron-work'), timerBoundary('hourly', 'work', 'timeCycle', '0 0 2 * * *', false), serviceTask('tick', 'cron-tick'), end(), end('e2'), chain('start', 'work', 'end'), chain('hourly', 'tick', 'e2'))), 'cron-wait.bpmn');
      await t.zeebe.createProcessInstance({ bpmnProcessId: 'cron-wait', variables: {} });
      const timers = await t.records({ valueType: 'TIMER', intent: 'CREATED' });
      const due = timers.filter((r) => r.value.targetElementId === 'hourly').map((r) => Number(r.value.dueDate));
      expect(new Date(due[0]).toISOString().slice(11, 19)).to.equal('02:00:00');
      expect(due[0]).to.be.greaterThan(now);
    });

    it('pending timers survive a restart and fire when due', async () => {
      await deploy(definitions(processXml('restart-timer', start(), timerCatch('wait', 'timeDuration', 'PT10M'), end(), chain('start', 'wait', 'end'))), 'restart-timer.bpmn');
      const instance = await t.zeebe.createProcessInstance({ bpmnProcessId: 'restart-timer', variables: {} });
      await t.restart();
      t.engine.clock.pin(now);
      await advance(11 * 60_000);
      await waitFor(instance.processInstanceKey, 'restart-timer');
    });
  });

  describe('messages', () => {
    const xml = (id: string, ...elements: string[]) => definitions(processXml(id, ...elements), message('Msg_Reply', '企业回复', '=ticketNo'));

    it('correlates by name and correlation key, with the message variables', async () => {
      await deploy(xml('await-reply', start(), messageCatch('reply', 'Msg_Reply'), end(), chain('start', 'reply', 'end')), 'await-reply.bpmn');
      const a = await t.zeebe.createProcessInstance({ bpmnProcessId: 'await-reply', variables: { ticketNo: 'T-100' } });
      const b = await t.zeebe.createProcessInstance({ bpmnProcessId: 'await-reply', variables: { ticketNo: 'T-200' } });
      await t.zeebe.publishMessage({ name: '企业回复', correlationKey: 'T-200', variables: { answer: '已退款' }, timeToLive: 0 });
      await waitFor(b.processInstanceKey, 'await-reply');
      expect(await completedIds(a.processInstanceKey)).to.not.include('reply');
      const vars = await t.records({ valueType: 'VARIABLE', processInstanceKey: b.processInstanceKey });
      expect(vars.map((v) => [v.value.name, v.value.value])).to.deep.include(['answer', '已退款']);
    });

    it('buffers a message for its time to live, for a subscription opened later', async () => {
      await t.zeebe.publishMessage({ name: '企业回复', correlationKey: 'T-300', variables: { answer: '先到' }, timeToLive: 60_000 });
      const late = await t.zeebe.createProcessInstance({ bpmnProcessId: 'await-reply', variables: { ticketNo: 'T-300' } });
      await waitFor(late.processInstanceKey, 'await-reply');
    });

    it('an expired message is gone', async () => {
      await t.zeebe.publishMessage({ name: '企业回复', correlationKey: 'T-400', variables: {}, timeToLive: 1000 });
      await advance(2000);
      const instance = await t.zeebe.createProcessInstance({ bpmnProcessId: 'await-reply', variables: { ticketNo: 'T-400' } });
      await new Promise((r) => setTimeout(r, 100));
      expect(await completedIds(instance.processInstanceKey)).to.not.include('reply');
    });

    it('a buffered message survives a restart', async () => {
      await t.zeebe.publishMessage({ name: '企业回复', correlationKey: 'T-450', variables: { answer: '重启前' }, timeToLive: 3_600_000 });
      await t.restart();
      t.engine.clock.pin(now);
      const instance = await t.zeebe.createProcessInstance({ bpmnProcessId: 'await-reply', variables: { ticketNo: 'T-450' } });
      await waitFor(instance.processInstanceKey, 'await-reply');
    });

    it('message throw events and send tasks are jobs for a worker', async () => {
      await deploy(
        definitions(processXml('send-msg', start(), `<bpmn:intermediateThrowEvent id="tell"><bpmn:extensionElements><zeebe:taskDefinition type="send-sms" /></bpmn:extensionElements><bpmn:messageEventDefinition /></bpmn:intermediateThrowEvent>`, end(), chain('start', 'tell', 'end'))),
        'send-msg.bpmn',
      );
      const instance = await t.zeebe.createProcessInstance({ bpmnProcessId: 'send-msg', variables: {} });
      const [job] = await eventually(async () => {
        const jobs = await t.zeebe.activateJobs({ type: 'send-sms', worker: 'w', maxJobsToActivate: 1, timeout: 60_000, requestTimeout: -1 });
        return jobs.length ? jobs : undefined;
      }, 'the message job');
      expect(job.elementId).to.equal('tell');
      await t.zeebe.completeJob({ jobKey: job.key, variables: {} });
      await waitFor(instance.processInstanceKey, 'send-msg');
    });

    it('refuses a second message with the same id while the first is buffered', async () => {
      await t.zeebe.publishMessage({ name: '企业回复', correlationKey: 'T-500', messageId: 'm-1', variables: {}, timeToLive: 60_000 });
      const err = await t.zeebe.publishMessage({ name: '企业回复', correlationKey: 'T-500', messageId: 'm-1', variables: {}, timeToLive: 60_000 }).then(() => undefined, (e: Error & { code: number }) => e);
      expect(err?.code).to.equal(6); // ALREADY_EXISTS
    });

    it('a message reaches one waiting instance per process, and every process that waits for it', async () => {
      await deploy(xml('reply-copy', start(), messageCatch('reply', 'Msg_Reply'), end(), chain('start', 'reply', 'end')), 'reply-copy.bpmn');
      const first = await t.zeebe.createProcessInstance({ bpmnProcessId: 'await-reply', variables: { ticketNo: 'T-550' } });
      const second = await t.zeebe.createProcessInstance({ bpmnProcessId: 'await-reply', variables: { ticketNo: 'T-550' } });
      const other = await t.zeebe.createProcessInstance({ bpmnProcessId: 'reply-copy', variables: { ticketNo: 'T-550' } });
      await t.zeebe.publishMessage({ name: '企业回复', correlationKey: 'T-550', variables: {}, timeToLive: 0 });
      await waitFor(first.processInstanceKey, 'await-reply');
      await waitFor(other.processInstanceKey, 'reply-copy');
      expect(await completedIds(second.processInstanceKey)).to.not.include('reply');
    });

    it('a message correlates once per process instance', async () => {
      await deploy(xml('two-waits', start(), messageCatch('first', 'Msg_Reply'), messageCatch('second', 'Msg_Reply'), end(), chain('start', 'first', 'second', 'end')), 'two-waits.bpmn');
      await t.zeebe.publishMessage({ name: '企业回复', correlationKey: 'T-600', variables: {}, timeToLive: 60_000 });
      const instance = await t.zeebe.createProcessInstance({ bpmnProcessId: 'two-waits', variables: { ticketNo: 'T-600' } });
      await waitFor(instance.processInstanceKey, 'first');
      expect(await completedIds(instance.processInstanceKey)).to.not.include('second');
      await t.zeebe.publishMessage({ name: '企业回复', correlationKey: 'T-600', variables: {}, timeToLive: 0 });
      await waitFor(instance.processInstanceKey, 'two-waits');
    });

    it('receive tasks and interrupting message boundaries', async () => {
      await deploy(
        definitions(
          processXml('withdraw', start(), receiveTask('await_materials', 'Msg_Materials'), messageBoundary('withdrawn', 'await_materials', 'Msg_Withdraw'), scriptTask('closed', '="撤诉"', 'result'), end(), end('e2'), chain('start', 'await_materials', 'end'), chain('withdrawn', 'closed', 'e2')),
          message('Msg_Materials', '补充材料', '=ticketNo'),
          message('Msg_Withdraw', '撤回投诉', '=ticketNo'),
        ),
        'withdraw.bpmn',
      );
      const instance = await t.zeebe.createProcessInstance({ bpmnProcessId: 'withdraw', variables: { ticketNo: 'T-700' } });
      await t.zeebe.publishMessage({ name: '撤回投诉', correlationKey: 'T-700', variables: {}, timeToLive: 0 });
      await waitFor(instance.processInstanceKey, 'withdraw');
      expect(await completedIds(instance.processInstanceKey)).to.include('closed').and.not.include('await_materials');
    });

    it('a message start event starts one instance per correlation key while it is active', async () => {
      await deploy(definitions(processXml('by-message', messageStart('push', 'Msg_Push'), serviceTask('handle', 'by-message-handle'), end(), chain('push', 'handle', 'end')), message('Msg_Push', '12345工单推送')), 'by-message.bpmn');
      await t.zeebe.publishMessage({ name: '12345工单推送', correlationKey: 'SH-1', variables: { externalNo: 'SH-1' }, timeToLive: 0 });
      await t.zeebe.publishMessage({ name: '12345工单推送', correlationKey: 'SH-1', variables: { externalNo: 'SH-1' }, timeToLive: 0 });
      await t.zeebe.publishMessage({ name: '12345工单推送', correlationKey: 'SH-2', variables: { externalNo: 'SH-2' }, timeToLive: 0 });
      const jobs = await eventually(async () => {
        const found = await t.zeebe.activateJobs({ type: 'by-message-handle', worker: 'w', maxJobsToActivate: 10, timeout: 60_000, requestTimeout: -1 });
        return found.length ? found : undefined;
      }, 'jobs of message-started instances');
      expect(jobs.map((j) => (j.variables as { externalNo: string }).externalNo).sort()).to.deep.equal(['SH-1', 'SH-2']);
    });

    it('a message held back by an active instance with its correlation key starts the next one when that ends', async () => {
      await deploy(definitions(processXml('one-at-a-time', messageStart('push', 'Msg_Once'), serviceTask('handle', 'once-handle'), end(), chain('push', 'handle', 'end')), message('Msg_Once', '同一工单')), 'one-at-a-time.bpmn');
      await t.zeebe.publishMessage({ name: '同一工单', correlationKey: 'K-1', variables: { n: 1 }, timeToLive: 0 });
      await t.zeebe.publishMessage({ name: '同一工单', correlationKey: 'K-1', variables: { n: 2 }, timeToLive: 60_000 });
      const [first] = await eventually(async () => {
        const jobs = await t.zeebe.activateJobs({ type: 'once-handle', worker: 'w', maxJobsToActivate: 10, timeout: 60_000, requestTimeout: -1 });
        return jobs.length ? jobs : undefined;
      }, 'the first instance');
      expect((first.variables as { n: number }).n).to.equal(1);
      await t.zeebe.completeJob({ jobKey: first.key, variables: {} });
      const [second] = await eventually(async () => {
        const jobs = await t.zeebe.activateJobs({ type: 'once-handle', worker: 'w', maxJobsToActivate: 10, timeout: 60_000, requestTimeout: -1 });
        return jobs.length ? jobs : undefined;
      }, 'the held-back message to start the next instance');
      expect((second.variables as { n: number }).n).to.equal(2);
    });

    it('a non-interrupting message event sub-process runs beside the main path, once per message', async () => {
      await deploy(
        definitions(
          processXml('esp-msg', start(), serviceTask('work', 'esp-msg-work'), end(), chain('start', 'work', 'end'),
            eventSubProcess('on_urge', messageEspStart('urge', 'Msg_Urge', false), serviceTask('note', 'esp-msg-note'), end('ne'), chain('urge', 'note', 'ne'))),
          message('Msg_Urge', '催办', '=ticketNo'),
        ),
        'esp-msg.bpmn',
      );
      const instance = await t.zeebe.createProcessInstance({ bpmnProcessId: 'esp-msg', variables: { ticketNo: 'T-800' } });
      await t.zeebe.publishMessage({ name: '催办', correlationKey: 'T-800', variables: {}, timeToLive: 0 });
      await t.zeebe.publishMessage({ name: '催办', correlationKey: 'T-800', variables: {}, timeToLive: 0 });
      const notes = await eventually(async () => {
        const jobs = await t.zeebe.activateJobs({ type: 'esp-msg-note', worker: 'w', maxJobsToActivate: 10, timeout: 60_000, requestTimeout: -1 });
        return jobs.length ? jobs : undefined;
      }, 'notes');
      expect(notes.length).to.equal(2);
      const [work] = await t.zeebe.activateJobs({ type: 'esp-msg-work', worker: 'w', maxJobsToActivate: 1, timeout: 60_000, requestTimeout: -1 });
      expect(work.processInstanceKey).to.equal(instance.processInstanceKey);
    });
  });

  describe('signals, escalations, links and event-based gateways', () => {
    it('a broadcast signal reaches catch events and signal start events', async () => {
      await deploy(definitions(processXml('sig-wait', start(), signalCatch('wait', 'Sig'), end(), chain('start', 'wait', 'end')), signal('Sig', '节假日调整')), 'sig-wait.bpmn');
      await deploy(definitions(processXml('sig-start', signalStart('s', 'Sig'), end(), chain('s', 'end')), signal('Sig', '节假日调整')), 'sig-start.bpmn');
      const waiting = await t.zeebe.createProcessInstance({ bpmnProcessId: 'sig-wait', variables: {} });
      await t.zeebe.broadcastSignal({ signalName: '节假日调整', variables: { year: 2027 } });
      await waitFor(waiting.processInstanceKey, 'sig-wait');
      const started = (await t.records({ valueType: 'PROCESS_INSTANCE', intent: 'ELEMENT_COMPLETED' })).filter((r) => r.value.bpmnProcessId === 'sig-start' && r.value.bpmnElementType === 'PROCESS');
      expect(started).to.have.length(1);
    });

    it('a signal throw event broadcasts', async () => {
      await deploy(definitions(processXml('sig-throw', start(), signalThrow('announce', 'Sig2'), end(), chain('start', 'announce', 'end')), signal('Sig2', '公示更新')), 'sig-throw.bpmn');
      await deploy(definitions(processXml('sig-wait2', start(), signalCatch('wait', 'Sig2'), end(), chain('start', 'wait', 'end')), signal('Sig2', '公示更新')), 'sig-wait2.bpmn');
      const waiting = await t.zeebe.createProcessInstance({ bpmnProcessId: 'sig-wait2', variables: {} });
      await t.zeebe.createProcessInstance({ bpmnProcessId: 'sig-throw', variables: {} });
      await waitFor(waiting.processInstanceKey, 'sig-wait2');
    });

    it('a non-interrupting escalation boundary on a sub-process starts a side path; the sub-process goes on', async () => {
      await deploy(
        definitions(
          processXml('esc', start(), subProcess('handling', {}, start('h0'), escalationThrow('ask_leader', 'Esc_Complex'), serviceTask('continue', 'esc-continue'), end('h1'), chain('h0', 'ask_leader', 'continue', 'h1')),
            escalationBoundary('consult', 'handling', 'Esc_Complex', false), serviceTask('meeting', 'esc-meeting'), end(), end('e2'), chain('start', 'handling', 'end'), chain('consult', 'meeting', 'e2')),
          escalation('Esc_Complex', 'COMPLEX_CASE'),
        ),
        'esc.bpmn',
      );
      const instance = await t.zeebe.createProcessInstance({ bpmnProcessId: 'esc', variables: {} });
      const meeting = await eventually(async () => (await t.zeebe.activateJobs({ type: 'esc-meeting', worker: 'w', maxJobsToActivate: 1, timeout: 60_000, requestTimeout: -1 }))[0], '会商 job');
      const cont = await eventually(async () => (await t.zeebe.activateJobs({ type: 'esc-continue', worker: 'w', maxJobsToActivate: 1, timeout: 60_000, requestTimeout: -1 }))[0], 'the handler going on');
      expect(meeting.processInstanceKey).to.equal(instance.processInstanceKey);
      expect(cont.processInstanceKey).to.equal(instance.processInstanceKey);
    });

    it('an uncaught escalation is recorded and the process goes on', async () => {
      await deploy(definitions(processXml('esc-alone', start(), escalationThrow('raise', 'Esc_X'), scriptTask('after', '=true', 'continued'), end(), chain('start', 'raise', 'after', 'end')), escalation('Esc_X', 'NOBODY')), 'esc-alone.bpmn');
      const result = await t.zeebe.createProcessInstanceWithResult({ bpmnProcessId: 'esc-alone', variables: {}, requestTimeout: 5000 });
      expect(result.variables).to.deep.equal({ continued: true });
      const [record] = await t.records({ valueType: 'ESCALATION', processInstanceKey: result.processInstanceKey });
      expect(record.intent).to.equal('NOT_ESCALATED');
    });

    it('an interrupting escalation event sub-process takes over its scope', async () => {
      await deploy(
        definitions(
          processXml('esc-esp', start(), serviceTask('wait', 'esc-esp-wait'), escalationThrow('raise', 'Esc_Y'), end(), gateway('parallel', 'fork'), end('e0'), flow('f0', 'start', 'fork'), flow('f1', 'fork', 'wait'), flow('f2', 'fork', 'raise'), chain('wait', 'end'), chain('raise', 'e0'),
            eventSubProcess('on_esc', '<bpmn:startEvent id="esc_start" isInterrupting="true"><bpmn:escalationEventDefinition escalationRef="Esc_Y" /></bpmn:startEvent>', scriptTask('handled', '="领导介入"', 'handledBy'), end('he'), chain('esc_start', 'handled', 'he'))),
          escalation('Esc_Y', 'LEADER'),
        ),
        'esc-esp.bpmn',
      );
      const result = await t.zeebe.createProcessInstanceWithResult({ bpmnProcessId: 'esc-esp', variables: {}, requestTimeout: 5000 });
      expect(result.variables).to.deep.equal({ handledBy: '领导介入' });
      const terminated = await t.records({ valueType: 'PROCESS_INSTANCE', intent: 'ELEMENT_TERMINATED', processInstanceKey: result.processInstanceKey });
      expect(terminated.map((r) => r.value.elementId)).to.include.members(['wait', 'raise']);
    });

    it('a link throw jumps to the link catch of the same name', async () => {
      await deploy(definitions(processXml('links', start(), linkThrow('go', 'reply'), linkCatch('arrive', 'reply'), scriptTask('after', '=true', 'arrived'), end(), chain('start', 'go'), chain('arrive', 'after', 'end'))), 'links.bpmn');
      const result = await t.zeebe.createProcessInstanceWithResult({ bpmnProcessId: 'links', variables: {}, requestTimeout: 5000 });
      expect(result.variables).to.deep.equal({ arrived: true });
    });

    it('an event-based gateway takes the first event: the message before the timer', async () => {
      const model = definitions(
        processXml('race', start(), eventGateway('g'), messageCatch('replied', 'Msg_R'), timerCatch('timeout', 'timeDuration', 'P7D'), scriptTask('ok', '="已回复"', 'r'), scriptTask('late', '="超期"', 'r'), end('e1'), end('e2'),
          flow('f0', 'start', 'g'), flow('f1', 'g', 'replied'), flow('f2', 'g', 'timeout'), chain('replied', 'ok', 'e1'), chain('timeout', 'late', 'e2')),
        message('Msg_R', '回复', '=ticketNo'),
      );
      await deploy(model, 'race.bpmn');
      const a = await t.zeebe.createProcessInstance({ bpmnProcessId: 'race', variables: { ticketNo: 'R-1' } });
      const b = await t.zeebe.createProcessInstance({ bpmnProcessId: 'race', variables: { ticketNo: 'R-2' } });
      await t.zeebe.publishMessage({ name: '回复', correlationKey: 'R-1', variables: { via: 'phone' }, timeToLive: 0 });
      await waitFor(a.processInstanceKey, 'race');
      await advance(7 * 86_400_000 + 1);
      await waitFor(b.processInstanceKey, 'race');
      expect(await completedIds(a.processInstanceKey)).to.include('ok').and.not.include('late');
      expect(await completedIds(b.processInstanceKey)).to.include('late').and.not.include('ok');
      const canceled = await t.records({ valueType: 'TIMER', intent: 'CANCELED', processInstanceKey: a.processInstanceKey });
      expect(canceled).to.have.length(1);
    });

    it('an interrupting timer event sub-process ends the rest of the process', async () => {
      await deploy(
        definitions(processXml('esp-timer', start(), serviceTask('slow', 'esp-timer-slow'), end(), chain('start', 'slow', 'end'), eventSubProcess('expire', timerEspStart('t', 'PT1H', true), scriptTask('expired', '=true', 'expired'), end('xe'), chain('t', 'expired', 'xe')))),
        'esp-timer.bpmn',
      );
      const instance = await t.zeebe.createProcessInstance({ bpmnProcessId: 'esp-timer', variables: {} });
      await advance(3_600_000 + 1);
      await waitFor(instance.processInstanceKey, 'esp-timer');
      const terminated = await t.records({ valueType: 'PROCESS_INSTANCE', intent: 'ELEMENT_TERMINATED', processInstanceKey: instance.processInstanceKey });
      expect(terminated.map((r) => r.value.elementId)).to.deep.equal(['slow']);
    });
  });
});
