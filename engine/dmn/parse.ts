// Parses a DMN resource into a ParsedDrg: decision tables and literal expressions with their
// required decisions, as Zeebe executes them. Everything else that carries logic (BKMs,
// decision services, boxed contexts, invocations, imports) is refused, naming the element;
// input data and knowledge sources are documentation and pass.

import { expressionSyntaxError } from './feel.ts';
import { DmnIssues } from './issues.ts';
import { compileTable, isFeel } from './parse-table.ts';
import { readDefinitions, tagOf, type DmnElement } from './read.ts';
import type { CompiledDecision, CompiledLiteral, CompiledTable, ParsedDecision, ParsedDrg } from './types.ts';

const DOCUMENTATION_ONLY = new Set(['dmn:InputData', 'dmn:KnowledgeSource']);

const UNSUPPORTED_LOGIC: Record<string, string> = {
  'dmn:Context': 'a boxed context',
  'dmn:Invocation': 'a boxed invocation',
  'dmn:List': 'a boxed list',
  'dmn:Relation': 'a relation',
  'dmn:FunctionDefinition': 'a function definition',
};

export async function parseDmn(xml: string, resourceName: string): Promise<ParsedDrg> {
  const issues = new DmnIssues(resourceName);
  const definitions = await readDefinitions(xml, issues);

  for (const imported of definitions.import ?? []) {
    issues.add(imported.id, 'import', `imports another model ('${imported.get('namespace') ?? ''}'); DMN imports are not supported. Put the decisions in one file.`);
  }

  const compiled = new Map<string, CompiledDecision>();
  const versionTags = new Map<string, string>();
  for (const element of definitions.drgElement ?? []) {
    if (DOCUMENTATION_ONLY.has(element.$type)) continue;
    if (element.$type !== 'dmn:Decision') {
      issues.add(element.id, tagOf(element), unsupportedElement(element));
      continue;
    }
    if (!element.id) {
      const named = element.name ? ` named '${element.name}'` : '';
      issues.add(undefined, 'decision', `a decision${named} has no id. Give every decision an id.`);
      continue;
    }
    compiled.set(element.id, compileDecision(element, issues));
    const versionTag = versionTagOf(element);
    if (versionTag !== undefined) versionTags.set(element.id, versionTag);
  }
  if (!(definitions.drgElement ?? []).some((element) => element.$type === 'dmn:Decision')) {
    issues.add(undefined, undefined, 'contains no decision. Add a decision table or a literal expression.');
  }
  checkRequirements(compiled, issues);
  issues.throwIfAny();

  const decisions: ParsedDecision[] = [...compiled.values()].map((d) => ({
    id: d.id,
    name: d.name,
    type: d.type,
    requiredDecisionIds: d.requiredDecisionIds,
    ...(versionTags.has(d.id) ? { versionTag: versionTags.get(d.id) } : {}),
  }));
  const id = definitions.id ?? '';
  return {
    id,
    name: definitions.name ?? id,
    namespace: definitions.namespace ?? '',
    decisions,
    resourceName,
    compiled,
  };
}

function unsupportedElement(element: DmnElement): string {
  switch (element.$type) {
    case 'dmn:BusinessKnowledgeModel':
      return 'business knowledge models are not supported. Model the logic as a decision table or literal expression in a decision.';
    case 'dmn:DecisionService':
      return 'decision services are not supported. Call the decisions directly.';
    default:
      return `<${tagOf(element)}> is not supported in a decision requirements graph.`;
  }
}

function compileDecision(decision: DmnElement, issues: DmnIssues): CompiledDecision {
  const id = decision.id as string;
  const problem = (message: string) => issues.add(id, 'decision', message);

  if ((decision.knowledgeRequirement ?? []).length > 0) {
    problem('it requires a business knowledge model (knowledgeRequirement); business knowledge models are not supported.');
  }
  const requiredDecisionIds: string[] = [];
  for (const requirement of decision.informationRequirement ?? []) {
    const href = requirement.requiredDecision?.href;
    if (href === undefined) continue; // a requiredInput: input data is documentation only
    const hash = href.indexOf('#');
    if (hash > 0) {
      problem(`it requires the decision '${href}' of another model; DMN imports are not supported.`);
      continue;
    }
    requiredDecisionIds.push(href.slice(hash + 1));
  }

  const logic = decision.decisionLogic;
  let compiled: CompiledTable | CompiledLiteral = { kind: 'literal', expression: 'null' };
  if (logic === undefined) {
    problem('it has no decision logic. Add a decision table or a literal expression.');
  } else if (logic.$type === 'dmn:DecisionTable') {
    compiled = compileTable(id, logic, issues);
  } else if (logic.$type === 'dmn:LiteralExpression') {
    compiled = compileLiteral(logic, problem);
  } else {
    const what = UNSUPPORTED_LOGIC[logic.$type] ?? `<${tagOf(logic)}>`;
    problem(`its decision logic is ${what} (<${tagOf(logic)}>), which is not supported. Use a decision table or a literal expression.`);
  }

  const variable = decision.variable;
  return {
    id,
    name: decision.name ?? id,
    type: compiled.kind === 'table' ? 'DECISION_TABLE' : 'LITERAL_EXPRESSION',
    resultName: variable?.name || id,
    resultType: variable?.typeRef || undefined,
    requiredDecisionIds,
    logic: compiled,
  };
}

function compileLiteral(literal: DmnElement, problem: (m: string) => void): CompiledLiteral {
  const text = literal.text ?? '';
  if (!isFeel(literal.expressionLanguage)) {
    problem(`its literal expression is in '${literal.expressionLanguage}'; only FEEL is supported.`);
  } else if (text.trim() === '') {
    problem('its literal expression is empty. Enter a FEEL expression.');
  } else {
    const error = expressionSyntaxError(text);
    if (error) problem(`its literal expression is not valid FEEL: '${text}' (${error}).`);
  }
  return { kind: 'literal', expression: text };
}

// Camunda 8 writes the version tag as <zeebe:versionTag value="..."/>; moddle keeps unknown
// extension elements as generic objects.
function versionTagOf(decision: DmnElement): string | undefined {
  const tag = decision.extensionElements?.values?.find((v) => v.$type.endsWith(':versionTag'));
  const value = tag?.value ?? tag?.$attrs?.value;
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Every required decision exists, and no decision requires itself through others. */
function checkRequirements(decisions: Map<string, CompiledDecision>, issues: DmnIssues): void {
  for (const decision of decisions.values()) {
    for (const required of decision.requiredDecisionIds) {
      if (!decisions.has(required)) {
        issues.add(decision.id, 'decision', `it requires the decision '${required}', which is not defined in this file.`);
      }
    }
  }
  const done = new Set<string>();
  const reported = new Set<string>();
  const visit = (id: string, path: string[]): void => {
    if (done.has(id)) return;
    const at = path.indexOf(id);
    if (at >= 0) {
      const cycle = [...path.slice(at), id];
      const key = [...cycle.slice(0, -1)].sort().join(',');
      if (!reported.has(key)) {
        reported.add(key);
        issues.add(id, 'decision', `its required decisions form a cycle: ${cycle.join(' -> ')}. Remove one of the requirements.`);
      }
      return;
    }
    for (const required of decisions.get(id)?.requiredDecisionIds ?? []) visit(required, [...path, id]);
    done.add(id);
  };
  for (const id of decisions.keys()) visit(id, []);
}
