// A diagram-js `translate` service (bpmn-js, dmn-js and the properties panels all call it
// for their built-in strings) that looks the text up in our zh-CN dictionaries.
// Strings not in a dictionary stay in English rather than failing; the test suite lists
// the English ones still visible in the editors.

export type Dictionary = Readonly<Record<string, string>>;

export function makeTranslate(...dictionaries: Dictionary[]) {
  const merged: Record<string, string> = Object.assign({}, ...dictionaries);
  // Case-insensitive second chance: the libraries are not consistent ("Sub-process" / "Sub Process").
  const lower = new Map(Object.entries(merged).map(([key, value]) => [key.toLowerCase(), value]));
  return function translate(template: string, replacements: Record<string, unknown> = {}): string {
    const text = merged[template] ?? lower.get(template.toLowerCase()) ?? template;
    return text.replace(/{([^}]+)}/g, (whole, key: string) => (key in replacements ? String(replacements[key]) : whole));
  };
}

/** The module to pass in `additionalModules`: it replaces diagram-js's identity translate. */
export function translateModule(...dictionaries: Dictionary[]) {
  return { translate: ['value', makeTranslate(...dictionaries)] };
}
