// form-js → JSON Schema: the rules a user task's form enforces in the browser (required,
// pattern, minLength/maxLength, min/max, the options of radios, selects and checklists),
// checked again on the server before a task is completed. Conditional fields whose `hide`
// expression is true for the submitted values are left out, as form-js leaves them out.
import { evaluate } from 'feelin';
import type { JsonSchema } from '../http/validation.ts';

export interface FormComponent {
  type: string;
  key?: string;
  label?: string;
  validate?: { required?: boolean; pattern?: string; minLength?: number; maxLength?: number; min?: number; max?: number; validationType?: string };
  conditional?: { hide?: string };
  values?: Array<{ value: unknown; label?: string }>;
  valuesKey?: string;
  valuesExpression?: string;
  components?: FormComponent[];
}

export interface FormJs {
  id?: string;
  components: FormComponent[];
}

const INPUT_TYPES = new Set(['textfield', 'textarea', 'number', 'checkbox', 'checklist', 'radio', 'select', 'taglist', 'datetime']);

function feel(expression: string, context: Record<string, unknown>): unknown {
  try {
    return evaluate(expression.replace(/^=/, ''), context).value;
  } catch {
    return undefined;
  }
}

/** Every input field, nested groups flattened, with the form's own nesting of hide conditions. */
function fieldsOf(components: FormComponent[], context: Record<string, unknown>, hiddenAbove = false): Array<{ c: FormComponent; hidden: boolean }> {
  const out: Array<{ c: FormComponent; hidden: boolean }> = [];
  for (const c of components) {
    const hidden = hiddenAbove || (c.conditional?.hide ? feel(c.conditional.hide, context) === true : false);
    if (c.components) out.push(...fieldsOf(c.components, context, hidden));
    if (c.key && INPUT_TYPES.has(c.type)) out.push({ c, hidden });
  }
  return out;
}

function optionsOf(c: FormComponent, context: Record<string, unknown>): unknown[] | undefined {
  const list = Array.isArray(c.values) ? c.values
    : c.valuesKey ? (context[c.valuesKey] as Array<{ value: unknown }> | undefined)
    : c.valuesExpression ? (feel(c.valuesExpression, context) as Array<{ value: unknown }> | undefined)
    : undefined;
  return Array.isArray(list) ? list.map((o) => (o && typeof o === 'object' ? (o as { value: unknown }).value : o)) : undefined;
}

/**
 * The JSON schema of what the form may submit, given the task's variables and the values
 * submitted (both decide hidden fields and dynamic options). Unknown keys are allowed: the
 * form's expression fields and the task's variables may be sent back as they are.
 */
export function formToJsonSchema(form: FormJs, variables: Record<string, unknown>, submitted: Record<string, unknown>): JsonSchema {
  const context = { ...variables, ...submitted };
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const { c, hidden } of fieldsOf(form.components ?? [], context)) {
    const key = c.key!;
    if (hidden) continue;
    const v = c.validate ?? {};
    const s: JsonSchema = { title: c.label ?? key };
    const options = ['radio', 'select', 'checklist', 'taglist'].includes(c.type) ? optionsOf(c, context) : undefined;
    switch (c.type) {
      case 'number':
        s.type = 'number';
        if (v.min !== undefined) s.minimum = v.min;
        if (v.max !== undefined) s.maximum = v.max;
        break;
      case 'checkbox':
        s.type = 'boolean';
        if (v.required) s.const = true;
        break;
      case 'checklist':
      case 'taglist':
        s.type = 'array';
        if (options) s.items = { enum: options };
        if (v.required) s.minItems = 1;
        break;
      case 'radio':
      case 'select':
        if (options) s.enum = options;
        break;
      default:
        s.type = 'string';
        if (v.required) s.minLength = Math.max(1, v.minLength ?? 1);
        else if (v.minLength !== undefined) s.minLength = v.minLength;
        if (v.maxLength !== undefined) s.maxLength = v.maxLength;
        if (v.pattern) s.pattern = v.pattern;
        if (v.validationType === 'email') s.format = 'email';
    }
    properties[key] = s;
    if (v.required) required.push(key);
  }
  return { type: 'object', properties, required, additionalProperties: true };
}

/** The input fields' keys (hidden or not): what the form reads of the task's variables. */
export function formKeys(form: FormJs): string[] {
  return fieldsOf(form.components ?? [], {}).map(({ c }) => c.key!);
}
