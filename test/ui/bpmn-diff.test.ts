// The change list of the modeler's visual diff (admin-ui/src/editors/bpmn/diff.ts): what
// bpmn-js-differ finds between two diagrams, in Chinese, with old and new values read from
// the right side.
import { expect } from 'chai';
import { BpmnModdle } from 'bpmn-moddle';
import zeebe from 'zeebe-bpmn-moddle/resources/zeebe.json' with { type: 'json' };
import { diagramChanges } from '../../admin-ui/src/editors/bpmn/diff.ts';

const diagram = (o: { taskName: string; taskType: string; endX: number; extra: boolean }) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
  xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="Defs">
  <bpmn:process id="p" isExecutable="true">
    <bpmn:startEvent id="Start" name="收到投诉" />
    <bpmn:serviceTask id="Task_Route" name="${o.taskName}">
      <bpmn:extensionElements><zeebe:taskDefinition type="${o.taskType}" /></bpmn:extensionElements>
    </bpmn:serviceTask>
    ${o.extra ? '<bpmn:userTask id="Task_Review" name="受理审核" />' : '<bpmn:sequenceFlow id="Flow_Old" sourceRef="Start" targetRef="End" />'}
    <bpmn:sequenceFlow id="Flow_1" sourceRef="Start" targetRef="Task_Route" />
    <bpmn:endEvent id="End" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="D"><bpmndi:BPMNPlane id="P" bpmnElement="p">
    <bpmndi:BPMNShape id="Start_di" bpmnElement="Start"><dc:Bounds x="100" y="100" width="36" height="36" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="Task_Route_di" bpmnElement="Task_Route"><dc:Bounds x="200" y="78" width="100" height="80" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="End_di" bpmnElement="End"><dc:Bounds x="${o.endX}" y="100" width="36" height="36" /></bpmndi:BPMNShape>
    ${o.extra ? '<bpmndi:BPMNShape id="Task_Review_di" bpmnElement="Task_Review"><dc:Bounds x="200" y="200" width="100" height="80" /></bpmndi:BPMNShape>' : ''}
    <bpmndi:BPMNEdge id="Flow_1_di" bpmnElement="Flow_1"><di:waypoint x="136" y="118" /><di:waypoint x="200" y="118" /></bpmndi:BPMNEdge>
  </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
</bpmn:definitions>`;

const read = async (xml: string) => (await new BpmnModdle({ zeebe }).fromXML(xml)).rootElement;

describe('admin-ui: BPMN diff', () => {
  it('lists added, removed, changed and moved elements in Chinese', async () => {
    const before = await read(diagram({ taskName: '分派', taskType: 'route', endX: 400, extra: false }));
    const after = await read(diagram({ taskName: '自动分派', taskType: 'route', endX: 460, extra: true }));
    const changes = diagramChanges(before, after);
    expect(changes.map((c) => [c.kind, c.id, c.label, c.details])).to.have.deep.members([
      ['added', 'Task_Review', '用户任务「受理审核」', []],
      ['removed', 'Flow_Old', '顺序流（Flow_Old）', []],
      ['changed', 'Task_Route', '服务任务「自动分派」', ['名称：「分派」 → 「自动分派」']],
      ['layout', 'End', '结束事件（End）', []],
    ]);
  });

  it('says so when only the Zeebe extension (the job type) changed', async () => {
    const before = await read(diagram({ taskName: '分派', taskType: 'route', endX: 400, extra: false }));
    const after = await read(diagram({ taskName: '分派', taskType: 'route-v2', endX: 400, extra: false }));
    expect(diagramChanges(before, after)).to.deep.equal([
      { id: 'Task_Route', kind: 'changed', label: '服务任务「分派」', details: ['扩展属性（任务类型、输入输出映射、表单、候选组等）已修改'] },
    ]);
  });

  it('finds nothing between a diagram and itself', async () => {
    const xml = diagram({ taskName: '分派', taskType: 'route', endX: 400, extra: false });
    expect(diagramChanges(await read(xml), await read(xml))).to.deep.equal([]);
  });
});
