import { BpmnModdle, type ModdleWarning } from 'bpmn-moddle';
import zeebe from 'zeebe-bpmn-moddle/resources/zeebe.json' with { type: 'json' };
import { modelError } from './issues.ts';
import { kindOf, localName, type ModdleElement } from './moddle.ts';
import { openElementAt, tagAt } from './xml-position.ts';

/**
 * Reads a BPMN file into moddle's object tree. moddle is lenient: it skips what it does not
 * know and only warns. Zeebe validates against the BPMN schema and refuses such files, so every
 * warning is an error here, named by the element it sits in.
 */
export async function readDefinitions(xml: string, resourceName: string): Promise<ModdleElement> {
  const moddle = new BpmnModdle({ zeebe });
  let result;
  try {
    result = await moddle.fromXML(xml, 'bpmn:Definitions');
  } catch (err) {
    throw modelError(resourceName, { message: unreadable(err, xml) });
  }
  const warning = result.warnings.find((w) => !isDiagramWarning(w, xml));
  if (warning) throw modelError(resourceName, describeWarning(warning, xml));
  return result.rootElement as ModdleElement;
}

/**
 * Problems in the diagram part (shapes, edges, labels) do not change what runs, and Zeebe does
 * not look at them either; a stale shape left by a hand edit must not block a deployment.
 */
function isDiagramWarning(warning: ModdleWarning, xml: string): boolean {
  const el = warning.element as ModdleElement | undefined;
  if (el) return DIAGRAM_PREFIX.test(el.$type);
  const at = position(warning.message);
  const parent = at ? openElementAt(xml, at.line, at.column) : undefined;
  return parent !== undefined && DIAGRAM_PREFIX.test(parent.name);
}

const DIAGRAM_PREFIX = /^(bpmndi|di|dc):/;

function unreadable(err: unknown, xml: string): string {
  const text = err instanceof Error ? err.message : String(err);
  if (text.startsWith('failed to parse document as <bpmn:Definitions>')) {
    return (
      'is not a BPMN 2.0 file: the root element must be <bpmn:definitions> in the namespace ' +
      "'http://www.omg.org/spec/BPMN/20100524/MODEL'. Deploy a .bpmn file saved by Camunda Modeler."
    );
  }
  const at = position(text);
  const where = at ? ` at line ${at.line + 1}, column ${at.column + 1}` : '';
  if (xml.trim() === '') return 'is empty. Deploy a BPMN 2.0 XML file.';
  return `is not well-formed XML${where} (${nestedError(text)}). Repair the file or export it again from the modeler.`;
}

function describeWarning(warning: ModdleWarning, xml: string): { elementId?: string; kind?: string; message: string } {
  const text = warning.message;

  // Warnings raised while resolving references or attributes carry the element itself.
  if (warning.element) {
    const owner = nearestIdentified(warning.element as ModdleElement);
    const kind = owner ? kindOf(owner) : undefined;
    if (text.startsWith('unresolved reference')) {
      const property = localName(warning.property ?? 'reference');
      return {
        elementId: owner?.id,
        kind,
        message:
          `its ${property} refers to '${String(warning.value)}', which is not defined in this file. ` +
          'Point it to an existing element or remove the reference.',
      };
    }
    if (text.startsWith('unknown attribute')) {
      const on = owner === warning.element ? '' : ` on <${tagOf(warning.element as ModdleElement)}>`;
      return {
        elementId: owner?.id,
        kind,
        message: `has an unknown attribute '${warning.property}'${on}. Remove it or correct its spelling.`,
      };
    }
    return { elementId: owner?.id, kind, message: `${text}. Correct the XML.` };
  }

  // Parse-time warnings only carry a position: find the element in the XML text.
  const at = position(text);
  const nested = nestedError(text);
  if (!at) return { message: `${nested}. Correct the XML.` };
  const where = `line ${at.line + 1}, column ${at.column + 1}`;
  const offending = tagAt(xml, at.line, at.column);
  const duplicate = /^duplicate ID <(.+)>$/.exec(nested);
  if (duplicate && offending) {
    return {
      elementId: duplicate[1],
      kind: localName(offending.name),
      message: `the id '${duplicate[1]}' is used more than once (${where}). Give every element a unique id.`,
    };
  }
  const parent = openElementAt(xml, at.line, at.column);
  const what = offending ? `<${offending.name}>` : 'content';
  const unknown = /^(unknown type|unrecognized element|unexpected element)/.test(nested);
  return {
    elementId: parent?.id,
    kind: parent ? localName(parent.name) : undefined,
    message: unknown
      ? `contains ${what} (${where}), which is not part of BPMN 2.0 or the Zeebe extensions this engine reads. ` +
        'Remove it, or correct its name and namespace.'
      : `has content that cannot be read at ${where}: ${nested}. Correct the XML.`,
  };
}

function nearestIdentified(el: ModdleElement | undefined): ModdleElement | undefined {
  let current = el;
  while (current && !current.id) current = current.$parent;
  return current;
}

function tagOf(el: ModdleElement): string {
  const [prefix, name] = el.$type.split(':');
  return `${prefix}:${localName(name)}`;
}

function position(text: string): { line: number; column: number } | undefined {
  const match = /line: (\d+)\s+column: (\d+)/.exec(text);
  return match ? { line: Number(match[1]), column: Number(match[2]) } : undefined;
}

function nestedError(text: string): string {
  const match = /nested error: (.*)$/m.exec(text);
  return match ? match[1] : text.split('\n')[0];
}
