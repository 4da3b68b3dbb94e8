// bpmn-js-differ ships no types; diff.ts references this file so both the app's and the
// tests' compilers see it.
declare module 'bpmn-js-differ' {
  /** Changes from the first definitions to the second: _added, _removed, _changed, _layoutChanged by element id. */
  export function diff(oldDefinitions: unknown, newDefinitions: unknown): unknown;
}
