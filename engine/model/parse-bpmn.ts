import type { ExecutableProcess } from './types.ts';
import { buildProcess } from './build.ts';
import { checkExpressions } from './check-expressions.ts';
import { checkProcessElements } from './check-elements.ts';
import { checkStructure } from './check-structure.ts';
import { Issues, modelError } from './issues.ts';
import { isType, type ModdleElement } from './moddle.ts';
import { readDefinitions } from './parse.ts';
import { checkStraightThroughLoops } from './straight-through.ts';

/**
 * Parses and validates one BPMN resource and returns its executable processes, in file order.
 * Throws ModelError listing every problem found (the first one names `elementId`), in two
 * rounds: element checks on the XML first, then checks across elements on the built model,
 * so the second round never reports follow-on noise of an element that is itself invalid.
 */
export async function parseBpmn(xml: string, resourceName: string): Promise<ExecutableProcess[]> {
  const definitions = await readDefinitions(xml, resourceName);
  const processes = (definitions.rootElements ?? []).filter(
    (el): el is ModdleElement => isType(el, 'bpmn:Process') && el.isExecutable === true,
  );
  if (processes.length === 0) {
    throw modelError(resourceName, {
      message: 'contains no executable process. Mark the process as executable (isExecutable="true") in the modeler.',
    });
  }

  const issues = new Issues(resourceName);
  for (const process of processes) checkProcessElements(process, issues);
  issues.throwIfAny();

  const built = processes.map(buildProcess);
  for (const proc of built) {
    checkStructure(proc, issues);
    checkExpressions(proc, issues);
  }
  checkStraightThroughLoops(built, issues);
  issues.throwIfAny();
  return built;
}
