// moddle reports unreadable content by line and column only. To name the BPMN element a problem
// sits in, these helpers scan the raw XML text up to that position. A light tag scanner is
// enough: the file was already tokenised by moddle's SAX parser up to that point.

export interface TagRef {
  name: string;
  id?: string;
}

const TOKEN = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<[?!][\s\S]*?>|<(\/?)([\w.:-]+)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g;

/** Offset in `xml` of a 0-based line and column, as moddle reports them. */
function offsetOf(xml: string, line: number, column: number): number {
  let offset = 0;
  for (let i = 0; i < line; i++) {
    const next = xml.indexOf('\n', offset);
    if (next < 0) return xml.length;
    offset = next + 1;
  }
  return Math.min(offset + column, xml.length);
}

/** The innermost element with an id that is open at the position. */
export function openElementAt(xml: string, line: number, column: number): TagRef | undefined {
  const end = offsetOf(xml, line, column);
  const stack: TagRef[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(xml); m && m.index < end; m = TOKEN.exec(xml)) {
    const [, closing, name, attrs, selfClosing] = m;
    if (!name) continue; // comment, CDATA, processing instruction
    if (closing) stack.pop();
    else if (!selfClosing) stack.push({ name, id: idIn(attrs) });
  }
  for (let i = stack.length - 1; i >= 0; i--) if (stack[i].id !== undefined) return stack[i];
  return undefined;
}

/** The tag that starts at (or right after) the position. */
export function tagAt(xml: string, line: number, column: number): TagRef | undefined {
  const start = offsetOf(xml, line, column);
  const open = xml.indexOf('<', start);
  if (open < 0) return undefined;
  const m = /^<([\w.:-]+)((?:[^>"']|"[^"]*"|'[^']*')*)>/.exec(xml.slice(open));
  return m ? { name: m[1], id: idIn(m[2]) } : undefined;
}

function idIn(attrs: string): string | undefined {
  return /(?:^|\s)id\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(attrs)?.slice(1).find((v) => v !== undefined);
}
