// The inputs of a decision table as form fields for the "试算" panel, and the variables
// they make. An input expression that is a plain variable or path (`category`,
// `ticket.amount`) becomes a field; anything else the user supplies as JSON.

export type FieldKind = 'string' | 'number' | 'boolean' | 'date' | 'any';

export interface InputField {
  id: string;
  label: string;
  /** The variable path the input reads, e.g. ["ticket", "amount"]. */
  path: string[];
  expression: string;
  typeRef: string;
  kind: FieldKind;
  /** Allowed values from the input's predefined values ("a","b"), if any. */
  options: string[];
}

export interface TableInput {
  id: string;
  label?: string;
  inputExpression?: { text?: string; typeRef?: string };
  inputValues?: { text?: string };
}

const NAME_PATH = /^[A-Za-z_\u4e00-\u9fa5][\w\u4e00-\u9fa5]*(\.[A-Za-z_\u4e00-\u9fa5][\w\u4e00-\u9fa5]*)*$/;

function kindOf(typeRef: string): FieldKind {
  switch (typeRef.toLowerCase()) {
    case 'string': return 'string';
    case 'number': case 'integer': case 'long': case 'double': return 'number';
    case 'boolean': return 'boolean';
    case 'date': return 'date';
    default: return 'any';
  }
}

/** `"食品","药品"` → ["食品", "药品"]: the string literals of a predefined values list. */
export function predefinedValues(text: string | undefined): string[] {
  if (!text) return [];
  return [...text.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]!.replace(/\\(.)/g, '$1'));
}

export interface DerivedInputs {
  fields: InputField[];
  /** Inputs whose expression is not a variable: shown so the user knows to give them as JSON. */
  expressions: { label: string; expression: string }[];
}

export function deriveInputs(inputs: readonly TableInput[]): DerivedInputs {
  const fields: InputField[] = [];
  const expressions: DerivedInputs['expressions'] = [];
  const seen = new Set<string>();
  for (const input of inputs) {
    const expression = (input.inputExpression?.text ?? '').trim();
    const typeRef = input.inputExpression?.typeRef ?? '';
    const label = input.label || expression || input.id;
    if (!NAME_PATH.test(expression)) {
      if (expression) expressions.push({ label, expression });
      continue;
    }
    if (seen.has(expression)) continue; // two columns on one variable: one field
    seen.add(expression);
    fields.push({
      id: input.id, label, path: expression.split('.'), expression, typeRef,
      kind: kindOf(typeRef), options: kindOf(typeRef) === 'string' ? predefinedValues(input.inputValues?.text) : [],
    });
  }
  return { fields, expressions };
}

/** The variables for the evaluation: the fields' values (empty ones left out) over the JSON. */
export function buildVariables(fields: readonly InputField[], values: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const variables: Record<string, unknown> = structuredClone(extra);
  for (const field of fields) {
    const value = values[field.id];
    if (value === undefined || value === null || value === '') continue;
    let target = variables;
    for (const key of field.path.slice(0, -1)) {
      if (typeof target[key] !== 'object' || target[key] === null) target[key] = {};
      target = target[key] as Record<string, unknown>;
    }
    target[field.path.at(-1)!] = value;
  }
  return variables;
}

/** A decision of the open file, as the "试算" panel lists it. */
export interface DecisionSummary {
  id: string;
  name?: string;
  inputs: TableInput[];
}
