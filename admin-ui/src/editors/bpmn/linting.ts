// Live model checking with @camunda/linting: the rules Camunda Modeler runs before it
// deploys to Camunda 8.8 (bpmnlint's correctness rules + bpmnlint-plugin-camunda-compat).
import { Linter, type LintReport } from '@camunda/linting';
import { EXECUTION_PLATFORM, EXECUTION_PLATFORM_VERSION } from './new-diagram.ts';
import { translateLintMessage } from './lint-messages.ts';

export interface Problem {
  /** Id of the element (or process) the problem is on. */
  id: string;
  /** The element's name, or its type in Chinese when it has none. */
  elementName: string;
  severity: 'error' | 'warn';
  message: string;
  /** The linter's English, when our Chinese is only a summary. */
  original?: string;
  rule: string;
  /** The report with its message in Chinese, for the canvas and the properties panel. */
  report: LintReport;
}

const linter = new Linter({ modeler: 'desktop', type: 'cloud' });

interface ModdleElement {
  id?: string;
  name?: string;
  $type: string;
  get(name: string): any;
  set(name: string, value: unknown): void;
}

/**
 * Models without the execution platform attributes are checked as Camunda 8.8, and get
 * them, so that the saved file says what it was checked against.
 */
export function ensureExecutionPlatform(definitions: ModdleElement): void {
  if (!definitions.get('modeler:executionPlatform')) definitions.set('modeler:executionPlatform', EXECUTION_PLATFORM);
  if (!definitions.get('modeler:executionPlatformVersion')) definitions.set('modeler:executionPlatformVersion', EXECUTION_PLATFORM_VERSION);
}

export async function lintDefinitions(definitions: ModdleElement, nameOf: (id: string) => string): Promise<Problem[]> {
  const reports = await linter.lint(definitions);
  return reports
    .filter((report) => report.category === 'error' || report.category === 'warn' || report.category === 'rule-error')
    .map((report) => {
      const { text, original } = translateLintMessage(report.message, report.rule);
      return {
        id: report.id,
        elementName: nameOf(report.id),
        severity: report.category === 'warn' ? 'warn' : 'error',
        message: text,
        original,
        rule: report.rule,
        report: { ...report, message: text },
      } satisfies Problem;
    })
    .sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
}
