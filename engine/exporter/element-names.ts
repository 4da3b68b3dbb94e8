// Element names of a BPMN file, id -> name, for element instances' elementName (Camunda's
// exporter takes them from its process cache). A scan of the start tags is enough: deployed
// files are well-formed XML, and ids are unique within a file.

// Attribute values may hold '>' (it needs no escape in XML), so attributes are matched whole.
const START_TAG = /<([A-Za-z_][\w.-]*:)?[A-Za-z_][\w.-]*((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*\/?>/g;
const ATTRIBUTE = /([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(value: string): string {
  return value.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (whole, entity: string) => {
    if (entity.startsWith('#x')) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(Number(entity.slice(1)));
    return ENTITIES[entity] ?? whole;
  });
}

export function elementNames(xml: string): Record<string, string> {
  const names: Record<string, string> = {};
  for (const tag of xml.matchAll(START_TAG)) {
    const prefix = tag[1] ?? '';
    if (prefix === 'bpmndi:' || prefix === 'dc:' || prefix === 'di:') continue;
    let id: string | undefined;
    let name: string | undefined;
    for (const attribute of (tag[2] ?? '').matchAll(ATTRIBUTE)) {
      const value = attribute[2] ?? attribute[3] ?? '';
      if (attribute[1] === 'id') id = value;
      else if (attribute[1] === 'name') name = value;
    }
    if (id && name) names[decode(id)] = decode(name);
  }
  return names;
}
