// Deployments: all or nothing, errors naming the element, unsupported elements refused at
// deploy time, forms, and deleting resources.

import { expect } from 'chai';
import { bpmn, chain, end, serviceTask, start } from '../support/bpmn.ts';
import { startTestEngine, type TestEngine } from '../support/engine.ts';

describe('deployments', () => {
  let t: TestEngine;
  before(async () => {
    t = await startTestEngine();
  });
  after(async () => {
    await t?.stop();
  });

  const failure = (p: Promise<unknown>) => p.then(() => expect.fail('expected a rejection'), (e: Error & { code: number }) => e);
  const good = bpmn('good', start(), end(), chain('start', 'end'));

  it('rejects a deployment with one bad resource as a whole, naming the file and the element', async () => {
    const bad = bpmn('bad', start(), `<bpmn:serviceTask id="no_type" />`, end(), chain('start', 'no_type', 'end'));
    const err = await failure(t.zeebe.deployResources([{ process: good, name: 'good.bpmn' }, { process: bad, name: 'bad.bpmn' }]));
    expect(err.code).to.equal(3);
    expect(err.message).to.contain("'bad.bpmn'").and.contain("'no_type'");
    const created = await failure(t.zeebe.createProcessInstance({ bpmnProcessId: 'good', variables: {} }));
    expect(created.code).to.equal(5); // the good one was not deployed either
  });

  it('refuses elements Zeebe does not run at deploy time, naming them, never half-running them', async () => {
    const complex = bpmn('with-complex', start(), `<bpmn:complexGateway id="cg" />`, end(), chain('start', 'cg', 'end'));
    const err = await failure(t.zeebe.deployResource({ process: complex, name: 'with-complex.bpmn' }));
    expect(err.code).to.equal(3);
    expect(err.message).to.contain("'cg'");
    const created = await failure(t.zeebe.createProcessInstance({ bpmnProcessId: 'with-complex', variables: {} }));
    expect(created.code).to.equal(5);
  });

  it('refuses XML that is not BPMN and unknown file types', async () => {
    const notXml = await failure(t.zeebe.deployResource({ process: Buffer.from('<definitions'), name: 'broken.bpmn' }));
    expect(notXml.message).to.contain("'broken.bpmn'");
    const unknown = await failure(t.zeebe.deployResources([{ process: Buffer.from('hello'), name: 'notes.txt' }]));
    expect(unknown.message).to.contain("'notes.txt': unknown resource type");
  });

  it('refuses a FEEL expression that does not parse, naming the element', async () => {
    const model = bpmn('bad-feel', start(), serviceTask('t1', 'x', { inputs: { a: '=1 +' } }), end(), chain('start', 't1', 'end'));
    const err = await failure(t.zeebe.deployResource({ process: model, name: 'bad-feel.bpmn' }));
    expect(err.message).to.contain("'t1'").and.contain('1 +');
  });

  it('deploys forms with versions, and BPMN, DMN and forms together', async () => {
    const form = Buffer.from(JSON.stringify({ id: 'accept_form', type: 'default', components: [{ type: 'textfield', key: 'reason', label: '受理意见' }] }));
    const first = await t.zeebe.deployResources([{ form, name: 'accept.form' }, { process: good, name: 'good.bpmn' }]);
    const deployments = first.deployments as Array<{ form?: { formId: string; version: number }; process?: unknown }>;
    expect(deployments.map((d) => (d.form ? 'form' : d.process ? 'process' : 'other'))).to.have.members(['form', 'process']);
    const formMeta = deployments.find((d) => d.form)!.form!;
    expect(formMeta).to.include({ formId: 'accept_form', version: 1 });
    const noId = await failure(t.zeebe.deployResources([{ form: Buffer.from('{"components":[]}'), name: 'x.form' }]));
    expect(noId.message).to.contain("'x.form'").and.contain('id');
  });

  it('deletes a process definition without instances, and refuses one with running instances', async () => {
    const waiting = await t.zeebe.deployResource({ process: bpmn('deletable', start(), serviceTask('w', 'deletable'), end(), chain('start', 'w', 'end')), name: 'deletable.bpmn' });
    const key = waiting.deployments[0].process!.processDefinitionKey;
    const instance = await t.zeebe.createProcessInstance({ bpmnProcessId: 'deletable', variables: {} });
    const refused = await failure(t.zeebe.deleteResource({ resourceKey: key }));
    expect(refused.code).to.equal(9);
    await t.zeebe.cancelProcessInstance(instance.processInstanceKey);
    await t.zeebe.deleteResource({ resourceKey: key });
    const gone = await failure(t.zeebe.createProcessInstance({ bpmnProcessId: 'deletable', variables: {} }));
    expect(gone.code).to.equal(5);
    const again = await failure(t.zeebe.deleteResource({ resourceKey: key }));
    expect(again.code).to.equal(5);
  });

  it('keeps deployments across a restart of the engine', async () => {
    // The engine is reopened on the same database: the process deployed above is still there.
    await t.restart();
    const instance = await t.zeebe.createProcessInstanceWithResult({ bpmnProcessId: 'good', variables: { kept: true }, requestTimeout: 10_000 });
    expect(instance.variables).to.deep.equal({ kept: true });
  });
});
