import { parseDmn, evaluateDecision } from '../engine/dmn/index.ts';
import { readFileSync } from 'node:fs';
try { await parseDmn(readFileSync('.scratch/d1.xml', 'utf8'), 'd1.dmn'); } catch (e) { console.log((e as Error).message, (e as any).elementId); }
const xml = readFileSync('.scratch/d1.xml', 'utf8').replace('<foo id="bar"/>', '').replace('<businessKnowledgeModel id="bkm" name="B"/>', '');
try { await parseDmn(xml, 'd1.dmn'); } catch (e) { console.log((e as Error).message); }
const drg = await parseDmn(xml.replace(' aggregation="SUM"', ''), 'd1.dmn');
console.log(JSON.stringify(drg.decisions));
console.log(JSON.stringify(evaluateDecision(drg, 'dish', {}), null, 1));
