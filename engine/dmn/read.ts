// Reads DMN XML into dmn-moddle's object tree. dmn-moddle knows DMN 1.3 only; files in the
// DMN 1.1 / 1.2 namespaces (which Zeebe also accepts) are read as 1.3 by renaming the
// namespace, their elements being the same for what we execute. moddle is lenient and only
// warns about what it does not know; Zeebe's DMN reader validates, so a warning is an error.

import { DmnModdle } from 'dmn-moddle';
import type { DmnIssues } from './issues.ts';

/** A structural view of the moddle elements we read. */
export interface DmnElement {
  readonly $type: string;
  $attrs?: Record<string, string>;
  get(name: string): unknown;

  id?: string;
  name?: string;
  label?: string;
  namespace?: string;
  text?: string;
  typeRef?: string;
  expressionLanguage?: string;
  href?: string;
  value?: string;

  drgElement?: DmnElement[];
  import?: DmnElement[];
  decisionLogic?: DmnElement;
  variable?: DmnElement;
  informationRequirement?: DmnElement[];
  knowledgeRequirement?: DmnElement[];
  requiredDecision?: DmnElement;
  extensionElements?: { values?: DmnElement[] };

  aggregation?: string;
  input?: DmnElement[];
  output?: DmnElement[];
  rule?: DmnElement[];
  inputExpression?: DmnElement;
  outputValues?: DmnElement;
  defaultOutputEntry?: DmnElement;
  inputEntry?: DmnElement[];
  outputEntry?: DmnElement[];
}

const DMN13 = 'https://www.omg.org/spec/DMN/20191111/MODEL/';
const DMNDI13 = 'https://www.omg.org/spec/DMN/20191111/DMNDI/';

const OLDER_NAMESPACES: [string, string][] = [
  ['http://www.omg.org/spec/DMN/20191111/MODEL/', DMN13],
  ['http://www.omg.org/spec/DMN/20180521/MODEL/', DMN13],
  ['http://www.omg.org/spec/DMN/20151101/dmn.xsd', DMN13],
  ['http://www.omg.org/spec/DMN/20180521/DMNDI/', DMNDI13],
];

export async function readDefinitions(xml: string, issues: DmnIssues): Promise<DmnElement> {
  if (xml.trim() === '') issues.fail('is empty. Deploy a DMN 1.3 XML file.');
  let result;
  try {
    result = await DmnModdle().fromXML(upgradeNamespaces(xml), 'dmn:Definitions');
  } catch (err) {
    const text = err instanceof Error ? err.message : String(err);
    if (text.startsWith('failed to parse document as <dmn:Definitions>')) {
      issues.fail(
        `is not a DMN file: the root element must be <definitions> in the namespace '${DMN13}'. ` +
          'Deploy a .dmn file saved by Camunda Modeler.',
      );
    }
    issues.fail(`is not well-formed XML (${oneLine(text)}). Repair the file or export it again from the modeler.`);
  }
  for (const warning of result.warnings) issues.add(undefined, undefined, `${oneLine(warning.message)}. Correct the XML.`);
  issues.throwIfAny();
  return result.rootElement as DmnElement;
}

function upgradeNamespaces(xml: string): string {
  let out = xml;
  for (const [older, newer] of OLDER_NAMESPACES) {
    out = out.split(`"${older}"`).join(`"${newer}"`).split(`'${older}'`).join(`'${newer}'`);
  }
  return out;
}

// moddle's messages span lines: 'unparsable content <foo> detected\n\tline: 16\n\tcolumn: 2...'
function oneLine(message: string): string {
  return message
    .split('\n')
    .map((part) => part.trim())
    .filter(Boolean)
    .join(', ');
}

/** The local element name as written in XML: 'dmn:BusinessKnowledgeModel' -> 'businessKnowledgeModel'. */
export function tagOf(el: DmnElement): string {
  const local = el.$type.slice(el.$type.indexOf(':') + 1);
  return local.charAt(0).toLowerCase() + local.slice(1);
}
