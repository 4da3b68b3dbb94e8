// Input entries: FEEL unary tests, compiled once at deploy time. Comparisons ('< 10') and
// intervals ('[1..5]') are evaluated here with typed comparison (values.ts) because feelin
// matches values of different types (a string against '>= 18'); single literals are compared
// directly, which keeps large tables fast; everything else (expressions, functions on '?')
// goes to feelin as is.

import { evalExpression, evalUnaryTests, parseUnaryTestsTree, unaryTestsSyntaxError, type Scope } from './feel.ts';
import { compare } from './values.ts';

type Op = '<' | '<=' | '>' | '>=';

/** An endpoint or test value: a literal is evaluated once at compile time, the rest each time. */
type Operand = { literal: true; value: unknown } | { literal: false; text: string };

type PositiveTest =
  | { kind: 'equals'; value: unknown }
  | { kind: 'compare'; op: Op; endpoint: Operand }
  | { kind: 'interval'; start: Operand; end: Operand; startIncluded: boolean; endIncluded: boolean }
  | { kind: 'feel'; text: string };

const LITERALS = new Set(['StringLiteral', 'NumericLiteral', 'BooleanLiteral', 'null']);

type Node = NonNullable<ReturnType<typeof parseUnaryTestsTree>['topNode']['firstChild']>;

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
  const slice = (n: { from: number; to: number }) => text.slice(n.from, n.to);
  const operand = (n: Node): Operand =>
    LITERALS.has(n.name) ? { literal: true, value: evalExpression(slice(n), {}) } : { literal: false, text: slice(n) };
  const tests = list.getChildren('PositiveUnaryTest').map((node): PositiveTest => {
    // most cells are one literal ('"食品药品安全"', '42'): equality without FEEL at run time
    if (node.firstChild && !node.firstChild.nextSibling && LITERALS.has(node.firstChild.name)) {
      return { kind: 'equals', value: evalExpression(slice(node), {}) };
    }
    const simple = node.firstChild?.name === 'SimplePositiveUnaryTest' ? node.firstChild : null;
    const head = simple?.firstChild;
    if (head?.name === 'CompareOp') {
      const op = slice(head);
      const endpoint = head.nextSibling;
      if (endpoint && (op === '<' || op === '<=' || op === '>' || op === '>=')) {
        return { kind: 'compare', op, endpoint: operand(endpoint) };
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
          start: operand(start),
          end: operand(end),
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
  const value = (operand: Operand) => (operand.literal ? operand.value : evalExpression(operand.text, { ...scope, '?': input }));
  switch (test.kind) {
    case 'equals':
      return literalEquals(input, test.value);
    case 'feel':
      return evalUnaryTests(test.text, input, scope);
    case 'compare': {
      const order = compare(input, value(test.endpoint));
      if (order === null) return null;
      if (test.op === '<') return order < 0;
      if (test.op === '<=') return order <= 0;
      if (test.op === '>') return order > 0;
      return order >= 0;
    }
    case 'interval': {
      const low = compare(input, value(test.start));
      const high = compare(input, value(test.end));
      if (low === null || high === null) return null;
      return (test.startIncluded ? low >= 0 : low > 0) && (test.endIncluded ? high <= 0 : high < 0);
    }
  }
}

// As feelin's unary test equality: null only equals null, and a value of another type (a date
// against '"2024-10-01"') does not match.
function literalEquals(input: unknown, literal: unknown): boolean {
  if (input === null || input === undefined || literal === null) return (input ?? null) === literal;
  return input === literal;
}
