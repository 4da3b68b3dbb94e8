import { DmnModdle } from 'dmn-moddle';
import { readFileSync } from 'node:fs';
const m = new (DmnModdle as any)();
const r = await m.fromXML(readFileSync('.scratch/d1.xml', 'utf8'));
console.log(r.warnings.map((w: any) => w.message));
const d = r.rootElement;
console.log(d.$type, d.id, d.name, d.namespace, Object.keys(d));
for (const e of d.drgElement) { console.log(e.$type, e.id, Object.keys(e)); }
const dish = d.drgElement[0];
console.log(dish.extensionElements.values[0], dish.informationRequirement[0].requiredDecision, dish.informationRequirement[1]);
const dt = dish.decisionLogic; console.log(dt.$type, dt.hitPolicy, dt.aggregation, Object.keys(dt));
console.log(dt.input[0], dt.output[0], dt.rule[1].inputEntry[0], dt.rule[1].outputEntry[0]);
console.log(d.drgElement[1].variable, d.drgElement[1].decisionLogic);
for (const bad of ['<x/>', 'not xml', '<definitions xmlns="http://www.omg.org/spec/DMN/20151101/dmn.xsd" id="a"/>', '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="a"/>']) {
  try { const x = await m.fromXML(bad); console.log('OK', x.rootElement?.$type, x.warnings.map((w: any) => w.message)); } catch (e) { console.log('ERR', (e as Error).message); }
}
