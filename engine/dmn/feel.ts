// FEEL for decisions, through feelin with the Camunda dialect (backtick names, multi-line
// strings). Values stay feelin values here (FeelDate, ...) so that required decisions hand real
// dates to their dependants; values.ts turns them into JSON at the edge.

import { evaluate, unaryTest, parseExpression, parseUnaryTests } from 'feelin';
import { clockScope, DIALECT } from '../feel/index.ts';
import type { FeelAdapter } from './types.ts';

export type Scope = Record<string, unknown>;

/** An evaluation that FEEL itself could not carry out (feelin threw). */
export class FeelFailure extends Error {}

type Tree = ReturnType<typeof parseExpression>;

/** The variables plus now()/today() on the injected clock, as Zeebe's FEEL clock does. */
export function scopeOf(variables: Record<string, unknown>, feel: FeelAdapter | undefined): Scope {
  return clockScope(variables, Number(feel?.now?.() ?? Date.now()));
}

export function evalExpression(text: string, scope: Scope): unknown {
  try {
    return evaluate(text, scope, DIALECT).value;
  } catch (err) {
    throw new FeelFailure(`failed to evaluate expression '${text}': ${(err as Error).message}`);
  }
}

/** true, false or null (not met, or not comparable). */
export function evalUnaryTests(text: string, input: unknown, scope: Scope): boolean | null {
  try {
    const value = unaryTest(text, { ...scope, '?': input }, DIALECT).value;
    return typeof value === 'boolean' ? value : null;
  } catch (err) {
    throw new FeelFailure(`failed to evaluate unary tests '${text}': ${(err as Error).message}`);
  }
}

export function parseUnaryTestsTree(text: string): Tree {
  return parseUnaryTests(text, {}, DIALECT);
}

/** Why `text` is not a FEEL expression, or undefined when it parses. */
export function expressionSyntaxError(text: string): string | undefined {
  if (text.trim() === '') return 'the expression is empty';
  return syntaxError(parseExpression(text, {}, DIALECT), text, () => evaluate(text, {}, DIALECT));
}

/** Why `text` is not FEEL unary tests, given its parse tree, or undefined when it parses. */
export function unaryTestsSyntaxError(tree: Tree, text: string): string | undefined {
  return syntaxError(tree, text, () => unaryTest(text, { '?': null }, DIALECT));
}

// lezer recovers from errors and marks them with error nodes. feelin's interpreter throws a
// readable SyntaxError while building its execution tree, before running anything, so we ask
// it for the message only once we know the text is broken (a valid text would run).
function syntaxError(tree: Tree, text: string, describe: () => unknown): string | undefined {
  let at: number | undefined;
  tree.iterate({
    enter(node) {
      if (at !== undefined) return false;
      if (node.type.isError) at = node.from;
      return undefined;
    },
  });
  if (at === undefined) return undefined;
  let reason = 'syntax error';
  try {
    describe();
  } catch (err) {
    reason = (err as Error).message;
  }
  return `${reason} at position ${at + 1}`;
}
