// Side by side results of the draft and the deployed version, output by output, so the 试算
// panel (and the deploy dialog's sample changes) can mark what a change of the rules changes.

export interface OutputRow {
  /** The output's name; '结果' for a result that is not a context (one output, a list). */
  key: string;
  draft: unknown;
  deployed: unknown;
  differs: boolean;
}

const isContext = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Stable text of a value for display and comparison; undefined shows as （无）. */
export const showValue = (value: unknown) => (value === undefined ? '（无）' : JSON.stringify(value));

export function compareOutputs(draft: unknown, deployed: unknown): OutputRow[] {
  if (!isContext(draft) && !isContext(deployed)) {
    return [{ key: '结果', draft, deployed, differs: showValue(draft) !== showValue(deployed) }];
  }
  const a = isContext(draft) ? draft : {};
  const b = isContext(deployed) ? deployed : {};
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].map((key) => ({
    key, draft: a[key], deployed: b[key], differs: showValue(a[key]) !== showValue(b[key]),
  }));
}
