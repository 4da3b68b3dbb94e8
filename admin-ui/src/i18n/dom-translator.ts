// Translates the fixed English texts of a library that has no translation hook (form-js)
// in the rendered page: text nodes and the title/placeholder/aria-label attributes whose
// whole text is in the dictionary. Preact updates a text node only when its own virtual
// text changes, so a translated node stays translated; new nodes are caught by a
// MutationObserver. Parts of the page holding the user's own words (field labels in the
// form itself) are skipped, so a field the user called "Submit" keeps that name.
import type { Dictionary } from './translate-module.ts';

const ATTRIBUTES = ['title', 'placeholder', 'aria-label'] as const;

export type Pattern = [RegExp, string | ((match: RegExpExecArray, dictionary: Dictionary) => string)];

export interface DomTranslatorOptions {
  dictionary: Dictionary;
  patterns?: ReadonlyArray<Pattern>;
  /** Only the attributes: for views whose text nodes are mostly the user's own (dmn-js tables). */
  attributesOnly?: boolean;
  /** Elements matching this selector, and what is inside them, are left alone… */
  skip?: string;
  /** …except inside these (the editor's own hints placed within a field). */
  always?: string;
  /** Where title/placeholder/aria-label are the user's own; defaults to `skip`. */
  skipAttributes?: string;
}

export function startDomTranslator(root: HTMLElement, options: DomTranslatorOptions): () => void {
  const { dictionary, patterns = [], skip, always, attributesOnly = false, skipAttributes = skip } = options;

  const translate = (text: string): string | undefined => {
    const trimmed = text.trim();
    if (!trimmed || !/[A-Za-z]/.test(trimmed)) return undefined;
    const exact = dictionary[trimmed];
    if (exact !== undefined) return text.replace(trimmed, exact);
    for (const [pattern, replacement] of patterns) {
      const match = pattern.exec(trimmed);
      if (!match) continue;
      const translated = typeof replacement === 'string' ? trimmed.replace(pattern, replacement) : replacement(match, dictionary);
      return text.replace(trimmed, translated);
    }
    return undefined;
  };

  const skipped = (node: Node): boolean => {
    const element = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
    if (always && element?.closest(always)) return false;
    return !!(skip && element?.closest(skip));
  };

  const visitElement = (element: Element) => {
    if (skipAttributes && element.closest(skipAttributes)) return;
    for (const name of ATTRIBUTES) {
      const value = element.getAttribute(name);
      const translated = value && translate(value);
      if (translated) element.setAttribute(name, translated);
    }
  };

  const visitText = (node: Node) => {
    if (attributesOnly || skipped(node)) return;
    const translated = translate(node.nodeValue ?? '');
    if (translated !== undefined) node.nodeValue = translated;
  };

  const visit = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) return visitText(node);
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    visitElement(node as Element);
    const walker = document.createTreeWalker(node, attributesOnly ? NodeFilter.SHOW_ELEMENT : NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    for (let current = walker.nextNode(); current; current = walker.nextNode()) {
      if (current.nodeType === Node.TEXT_NODE) visitText(current);
      else visitElement(current as Element);
    }
  };

  const observer = new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      if (mutation.type === 'childList') mutation.addedNodes.forEach(visit);
      else if (mutation.type === 'characterData') visit(mutation.target);
      else if (mutation.type === 'attributes') visitElement(mutation.target as Element);
    }
  });
  visit(root);
  observer.observe(root, { subtree: true, childList: true, characterData: !attributesOnly, attributes: true, attributeFilter: [...ATTRIBUTES] });
  return () => observer.disconnect();
}
