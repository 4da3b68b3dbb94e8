// Input entries: FEEL unary tests, compiled once at deploy time. Comparisons ('< 10') and
// intervals ('[1..5]') are evaluated here with typed comparison (values.ts) because feelin
// matches values of different types (a string against '>= 18'); everything else (equality,
// lists, expressions using '?') goes to feelin as is.

import { evalExpression, evalUnaryTests, parseUnaryTestsTree, unaryTestsSyntaxError, type Scope } from './feel.ts';
import { compare } from './values.ts';

type Op = '<' | '<=' | '>' | '>=';

type PositiveTest =
  | { kind: 'compare'; op: Op; endpoint: string }
  | { kind: 'interval'; start: string; end: string; startIncluded: boolean; endIncluded: boolean }
  | { kind: 'feel'; text: string };

export type UnaryTests =
  | { kind: 'any' }
  | { kind: 'tests'; text: string; negated: boolean; tests: PositiveTest[] };

/** Compiles an input entry; throws Error with the reason when it is not valid FEEL. */
export function compileUnaryTests(source: string): UnaryTests {
  const text = source.trim();
  if (text === '' || text === '-') return { kind: 'any' };
  const tree = parseUnaryTestsTree(text);
  const error = unaryTestsSyntaxError(tree, text);
  if (error) throw new Error(error);

  const top = tree.topNode;
  const list = top.getChild('PositiveUnaryTests');
  if (!list) return { kind: 'any' }; // the wildcard, written with spaces around it
  const negated = top.firstChild?.name === 'not';
  const tests = list.getChildren('PositiveUnaryTest').map((node): PositiveTest => {
    const slice = (n: { from: number; to: number }) => text.slice(n.from, n.to);
    const simple = node.firstChild?.name === 'SimplePositiveUnaryTest' ? node.firstChild : null;
    const head = simple?.firstChild;
    if (head?.name === 'CompareOp') {
      const op = slice(head);
      const endpoint = head.nextSibling;
      if (endpoint && (op === '<' || op === '<=' || op === '>' || op === '>=')) {
        return { kind: 'compare', op, endpoint: slice(endpoint) };
      }
    }
    if (head?.name === 'Interval') {
      const open = head.firstChild;
      const start = open?.nextSibling;
      const end = start?.nextSibling?.nextSibling;
      const close = end?.nextSibling;
      if (open && start && end && close) {
        return {
          kind: 'interval',
          start: slice(start),
          end: slice(end),
          startIncluded: slice(open) === '[',
          endIncluded: slice(close) === ']',
        };
      }
    }
    return { kind: 'feel', text: slice(node) };
  });
  return { kind: 'tests', text, negated, tests };
}

/** true when the input matches; false or null (not comparable) when it does not. */
export function testInput(tests: UnaryTests, input: unknown, scope: Scope): boolean | null {
  if (tests.kind === 'any') return true;
  // FEEL's disjunction over the tests: true wins, then null, then false.
  let result: boolean | null = false;
  for (const test of tests.tests) {
    const one = testOne(test, input, scope);
    if (one === true) {
      result = true;
      break;
    }
    if (one === null) result = null;
  }
  if (!tests.negated || result === null) return result;
  return !result;
}

function testOne(test: PositiveTest, input: unknown, scope: Scope): boolean | null {
  const withInput = { ...scope, '?': input };
  switch (test.kind) {
    case 'feel':
      return evalUnaryTests(test.text, input, scope);
    case 'compare': {
      const order = compare(input, evalExpression(test.endpoint, withInput));
      if (order === null) return null;
      if (test.op === '<') return order < 0;
      if (test.op === '<=') return order <= 0;
      if (test.op === '>') return order > 0;
      return order >= 0;
    }
    case 'interval': {
      const low = compare(input, evalExpression(test.start, withInput));
      const high = compare(input, evalExpression(test.end, withInput));
      if (low === null || high === null) return null;
      return (test.startIncluded ? low >= 0 : low > 0) && (test.endIncluded ? high <= 0 : high < 0);
    }
  }
}
