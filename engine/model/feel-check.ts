import { parseExpression } from 'feelin';

/**
 * Syntax check of a FEEL expression (the text after '='), with feelin's parser in the Camunda
 * dialect that Zeebe evaluates. The parser does not throw: it recovers and marks the spots it
 * could not read with error nodes, so the first error node is the problem to report.
 * Returns undefined when the expression parses, else a short description of where it fails.
 */
export function feelSyntaxError(expression: string): string | undefined {
  if (expression.trim() === '') return 'the expression is empty';
  let error: { from: number; to: number } | undefined;
  parseExpression(expression, {}, 'camunda').iterate({
    enter(node) {
      if (error) return false;
      if (node.type.isError) error = { from: node.from, to: node.to };
      return undefined;
    },
  });
  if (!error) return undefined;
  if (error.from >= expression.length) return 'the expression ends too early';
  const near = expression.slice(error.from, Math.max(error.to, error.from + 12)).trim();
  return `unexpected input at position ${error.from + 1}${near ? ` near '${near}'` : ''}`;
}
