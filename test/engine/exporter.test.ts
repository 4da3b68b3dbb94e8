// The exporter's pieces that are not seen through the REST API alone.

import { expect } from 'chai';
import { elementNames } from '../../engine/exporter/element-names.ts';

describe('exporter', () => {
  it('reads element names from BPMN XML: entities, quotes, prefixes; diagram elements and unnamed ones left out', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d">
  <bpmn:process id="p" name="投诉处理" isExecutable="true">
    <bpmn:startEvent id="start" name="收到&#10;投诉" />
    <bpmn:userTask id="review" name='审核 "A" &amp; B'>
      <bpmn:incoming>f1</bpmn:incoming>
    </bpmn:userTask>
    <bpmn:exclusiveGateway id="gw" name="金额 > 500?" default="f2" />
    <task id="plain" name="no prefix"/>
    <bpmn:endEvent id="end" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="diagram" name="diagram name"><bpmndi:BPMNPlane id="plane" bpmnElement="p" /></bpmndi:BPMNDiagram>
</bpmn:definitions>`;
    expect(elementNames(xml)).to.deep.equal({
      p: '投诉处理',
      start: '收到\n投诉',
      review: '审核 "A" & B',
      gw: '金额 > 500?',
      plain: 'no prefix',
    });
  });
});
