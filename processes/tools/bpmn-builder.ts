// A small builder for the BPMN files in processes/: elements are placed on a grid (column, row)
// per container, and the builder writes Camunda 8.8 XML with diagram interchange (shapes, edges,
// labels) so the files open cleanly in Camunda Modeler / bpmn-js.
//
// Dev tool only. The .bpmn files are the source of truth: once an administrator edits a model
// in the modeler, regenerating it from here would overwrite that edit.

const W = 150; // column width
const H = 120; // row height
const PAD = 30; // sub-process padding around its grid

export const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

type Kind =
  | 'startEvent'
  | 'endEvent'
  | 'userTask'
  | 'serviceTask'
  | 'businessRuleTask'
  | 'scriptTask'
  | 'callActivity'
  | 'exclusiveGateway'
  | 'parallelGateway'
  | 'eventBasedGateway'
  | 'intermediateCatchEvent'
  | 'intermediateThrowEvent'
  | 'boundaryEvent'
  | 'subProcess';

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Node {
  id: string;
  kind: Kind;
  name?: string;
  at: [number, number];
  ext: string[];
  eventDef?: string;
  attrs: Record<string, string>;
  container: Container;
  /** For sub-processes: the inner container. */
  inner?: Container;
  attachedTo?: string;
  /** Boundary position along the host's bottom edge, 0..1. */
  along?: number;
  incoming: string[];
  outgoing: string[];
  box?: Box;
  documentation?: string;
}

/** Waypoints in grid terms: [col, row] of a cell centre in the flow's container (fractions allowed). */
export type Via = Array<[number, number]>;

export interface Flow {
  id: string;
  from: string;
  to: string;
  name?: string;
  condition?: string;
  isDefault?: boolean;
  via?: Via;
  /** Where to leave the source / enter the target: overrides the router's choice. */
  exit?: 'right' | 'top' | 'bottom' | 'left';
  enter?: 'left' | 'top' | 'bottom' | 'right';
}

export interface TaskOptions {
  headers?: Record<string, string>;
  inputs?: Record<string, string>;
  outputs?: Record<string, string>;
  retries?: string;
  doc?: string;
}

function io(inputs?: Record<string, string>, outputs?: Record<string, string>): string[] {
  const ins = Object.entries(inputs ?? {}).map(([t, s]) => `<zeebe:input source="${esc(s)}" target="${t}" />`);
  const outs = Object.entries(outputs ?? {}).map(([t, s]) => `<zeebe:output source="${esc(s)}" target="${t}" />`);
  return ins.length || outs.length ? [`<zeebe:ioMapping>${[...ins, ...outs].join('')}</zeebe:ioMapping>`] : [];
}

function headers(h?: Record<string, string>): string[] {
  if (!h || Object.keys(h).length === 0) return [];
  return [`<zeebe:taskHeaders>${Object.entries(h).map(([k, v]) => `<zeebe:header key="${k}" value="${esc(v)}" />`).join('')}</zeebe:taskHeaders>`];
}

let defCounter = 0;
const defId = (prefix: string) => `${prefix}_${(++defCounter).toString(36)}`;

export class Container {
  nodes: Node[] = [];
  flows: Flow[] = [];
  /** Absolute origin of cell (0,0)'s top-left corner, set by layout. */
  ox = 0;
  oy = 0;
  constructor(readonly model: Model, readonly id: string) {}

  private add(id: string, kind: Kind, name: string | undefined, at: [number, number], ext: string[] = [], extra: Partial<Node> = {}): Node {
    if (this.model.ids.has(id)) throw new Error(`duplicate id ${id}`);
    this.model.ids.add(id);
    const node: Node = { id, kind, name, at, ext, attrs: {}, container: this, incoming: [], outgoing: [], ...extra };
    this.nodes.push(node);
    this.model.nodes.set(id, node);
    return node;
  }

  start(id: string, name: string, at: [number, number], eventDef?: string): Node {
    return this.add(id, 'startEvent', name, at, [], { eventDef });
  }
  messageStart(id: string, name: string, at: [number, number], messageRef: string, interrupting?: boolean): Node {
    const n = this.start(id, name, at, `<bpmn:messageEventDefinition id="${defId('MessageEventDefinition')}" messageRef="${messageRef}" />`);
    if (interrupting !== undefined) n.attrs.isInterrupting = String(interrupting);
    return n;
  }
  end(id: string, name: string, at: [number, number], eventDef?: string): Node {
    return this.add(id, 'endEvent', name, at, [], { eventDef });
  }
  terminateEnd(id: string, name: string, at: [number, number]): Node {
    return this.end(id, name, at, `<bpmn:terminateEventDefinition id="${defId('TerminateEventDefinition')}" />`);
  }
  service(id: string, name: string, at: [number, number], type: string, o: TaskOptions = {}): Node {
    return this.add(id, 'serviceTask', name, at, [`<zeebe:taskDefinition type="${esc(type)}" retries="${o.retries ?? '3'}" />`, ...headers(o.headers), ...io(o.inputs, o.outputs)], { documentation: o.doc });
  }
  user(id: string, name: string, at: [number, number], o: { formId: string; candidateGroups: string; dueDate?: string; priority?: string; inputs?: Record<string, string>; outputs?: Record<string, string>; doc?: string }): Node {
    const ext = [
      '<zeebe:userTask />',
      `<zeebe:formDefinition formId="${o.formId}" />`,
      `<zeebe:assignmentDefinition candidateGroups="${esc(o.candidateGroups)}" />`,
      ...(o.dueDate ? [`<zeebe:taskSchedule dueDate="${esc(o.dueDate)}" />`] : []),
      ...(o.priority ? [`<zeebe:priorityDefinition priority="${esc(o.priority)}" />`] : []),
      ...io(o.inputs, o.outputs),
    ];
    const n = this.add(id, 'userTask', name, at, ext, { documentation: o.doc });
    this.model.userTasks.push({ id, formId: o.formId });
    return n;
  }
  rule(id: string, name: string, at: [number, number], decisionId: string, resultVariable: string, o: TaskOptions = {}): Node {
    return this.add(id, 'businessRuleTask', name, at, [`<zeebe:calledDecision decisionId="${decisionId}" resultVariable="${resultVariable}" />`, ...io(o.inputs, o.outputs)], { documentation: o.doc });
  }
  script(id: string, name: string, at: [number, number], expression: string, resultVariable: string, o: TaskOptions = {}): Node {
    return this.add(id, 'scriptTask', name, at, [`<zeebe:script expression="${esc(expression)}" resultVariable="${resultVariable}" />`, ...io(o.inputs, o.outputs)], { documentation: o.doc });
  }
  call(id: string, name: string, at: [number, number], processId: string, o: TaskOptions & { propagateChild?: boolean; propagateParent?: boolean } = {}): Node {
    const flags = `${o.propagateChild === false ? ' propagateAllChildVariables="false"' : ''}${o.propagateParent === false ? ' propagateAllParentVariables="false"' : ''}`;
    return this.add(id, 'callActivity', name, at, [`<zeebe:calledElement processId="${processId}"${flags} />`, ...io(o.inputs, o.outputs)], { documentation: o.doc });
  }
  xor(id: string, name: string | undefined, at: [number, number]): Node {
    return this.add(id, 'exclusiveGateway', name, at);
  }
  and(id: string, name: string | undefined, at: [number, number]): Node {
    return this.add(id, 'parallelGateway', name, at);
  }
  eventGateway(id: string, name: string | undefined, at: [number, number]): Node {
    return this.add(id, 'eventBasedGateway', name, at);
  }
  timerCatch(id: string, name: string, at: [number, number], kind: 'timeDate' | 'timeDuration', value: string): Node {
    return this.add(id, 'intermediateCatchEvent', name, at, [], { eventDef: timerDef(kind, value) });
  }
  messageCatch(id: string, name: string, at: [number, number], messageRef: string, o: TaskOptions = {}): Node {
    return this.add(id, 'intermediateCatchEvent', name, at, io(o.inputs, o.outputs), { eventDef: `<bpmn:messageEventDefinition id="${defId('MessageEventDefinition')}" messageRef="${messageRef}" />` });
  }
  /** A message throw event carried out by a job worker. */
  messageThrow(id: string, name: string, at: [number, number], type: string, o: TaskOptions = {}): Node {
    return this.add(id, 'intermediateThrowEvent', name, at, [`<zeebe:taskDefinition type="${esc(type)}" retries="${o.retries ?? '3'}" />`, ...headers(o.headers), ...io(o.inputs, o.outputs)], {
      eventDef: `<bpmn:messageEventDefinition id="${defId('MessageEventDefinition')}" />`,
      documentation: o.doc,
    });
  }
  linkThrow(id: string, name: string, at: [number, number], link: string): Node {
    return this.add(id, 'intermediateThrowEvent', name, at, [], { eventDef: `<bpmn:linkEventDefinition id="${defId('LinkEventDefinition')}" name="${esc(link)}" />` });
  }
  linkCatch(id: string, name: string, at: [number, number], link: string): Node {
    return this.add(id, 'intermediateCatchEvent', name, at, [], { eventDef: `<bpmn:linkEventDefinition id="${defId('LinkEventDefinition')}" name="${esc(link)}" />` });
  }
  timerBoundary(id: string, name: string, attachedTo: string, along: number, kind: 'timeDate' | 'timeDuration', value: string, interrupting: boolean): Node {
    const n = this.add(id, 'boundaryEvent', name, [0, 0], [], { attachedTo, along, eventDef: timerDef(kind, value) });
    n.attrs.cancelActivity = String(interrupting);
    return n;
  }
  errorBoundary(id: string, name: string, attachedTo: string, along: number, errorRef: string, o: TaskOptions = {}): Node {
    return this.add(id, 'boundaryEvent', name, [0, 0], io(o.inputs, o.outputs), { attachedTo, along, eventDef: `<bpmn:errorEventDefinition id="${defId('ErrorEventDefinition')}" errorRef="${errorRef}" />` });
  }
  messageBoundary(id: string, name: string, attachedTo: string, along: number, messageRef: string, interrupting: boolean): Node {
    const n = this.add(id, 'boundaryEvent', name, [0, 0], [], { attachedTo, along, eventDef: `<bpmn:messageEventDefinition id="${defId('MessageEventDefinition')}" messageRef="${messageRef}" />` });
    n.attrs.cancelActivity = String(interrupting);
    return n;
  }
  sub(id: string, name: string, at: [number, number], o: TaskOptions & { eventSub?: boolean } = {}): Container {
    const inner = new Container(this.model, id);
    const n = this.add(id, 'subProcess', name, at, io(o.inputs, o.outputs), { inner, documentation: o.doc });
    if (o.eventSub) n.attrs.triggeredByEvent = 'true';
    return inner;
  }

  flow(from: string, to: string, o: { name?: string; condition?: string; isDefault?: boolean; via?: Via; exit?: Flow['exit']; enter?: Flow['enter']; id?: string } = {}): Flow {
    const id = o.id ?? `Flow_${from}_${to}`;
    if (this.model.ids.has(id)) throw new Error(`duplicate flow id ${id}`);
    this.model.ids.add(id);
    const f: Flow = { id, from, to, ...o };
    this.flows.push(f);
    return f;
  }
  /** Flows in a row: a → b → c. */
  chain(...ids: string[]): void {
    for (let i = 1; i < ids.length; i++) this.flow(ids[i - 1], ids[i]);
  }

  /** Grid extent (columns, rows) used by this container's nodes, sub-processes included. */
  extent(): [number, number] {
    let cols = 1;
    let rows = 1;
    for (const n of this.nodes) {
      if (n.kind === 'boundaryEvent') continue;
      const [c, r] = n.at;
      const [sc, sr] = n.inner ? n.inner.span() : [1, 1];
      cols = Math.max(cols, c + sc);
      rows = Math.max(rows, r + sr);
    }
    return [cols, rows];
  }
  /** Cells a sub-process takes in its parent grid. */
  span(): [number, number] {
    const [c, r] = this.extent();
    return [Math.ceil((c * W + 2 * PAD + 10) / W), Math.ceil((r * H + 2 * PAD + 10) / H)];
  }
}

function timerDef(kind: 'timeDate' | 'timeDuration', value: string): string {
  return `<bpmn:timerEventDefinition id="${defId('TimerEventDefinition')}"><bpmn:${kind} xsi:type="bpmn:tFormalExpression">${esc(value)}</bpmn:${kind}></bpmn:timerEventDefinition>`;
}

const SIZE: Record<string, [number, number]> = {
  startEvent: [36, 36],
  endEvent: [36, 36],
  intermediateCatchEvent: [36, 36],
  intermediateThrowEvent: [36, 36],
  boundaryEvent: [36, 36],
  exclusiveGateway: [50, 50],
  parallelGateway: [50, 50],
  eventBasedGateway: [50, 50],
};

const isEvent = (n: Node) => /Event$/.test(n.kind);
const isGateway = (n: Node) => /Gateway$/.test(n.kind);

export interface GlobalElement {
  xml: string;
}

export class Model {
  ids = new Set<string>();
  nodes = new Map<string, Node>();
  userTasks: Array<{ id: string; formId: string }> = [];
  globals: string[] = [];
  readonly root: Container;
  constructor(readonly processId: string, readonly name: string, readonly doc?: string) {
    this.root = new Container(this, processId);
  }

  message(id: string, name: string, correlationKey?: string): void {
    const sub = correlationKey ? `<bpmn:extensionElements><zeebe:subscription correlationKey="${esc(correlationKey)}" /></bpmn:extensionElements>` : '';
    this.globals.push(`<bpmn:message id="${id}" name="${esc(name)}">${sub}</bpmn:message>`);
  }
  error(id: string, name: string, code: string): void {
    this.globals.push(`<bpmn:error id="${id}" name="${esc(name)}" errorCode="${esc(code)}" />`);
  }

  private layout(c: Container, ox: number, oy: number): void {
    c.ox = ox;
    c.oy = oy;
    for (const n of c.nodes) {
      if (n.kind === 'boundaryEvent') continue;
      const [col, row] = n.at;
      const cellX = ox + col * W;
      const cellY = oy + row * H;
      if (n.inner) {
        const [ic, ir] = n.inner.extent();
        const w = ic * W + 2 * PAD;
        const h = ir * H + 2 * PAD;
        n.box = { x: cellX + 5, y: cellY + 5, w, h };
        this.layout(n.inner, cellX + 5 + PAD, cellY + 5 + PAD);
        continue;
      }
      const [w, h] = SIZE[n.kind] ?? [100, 80];
      n.box = { x: cellX + (W - w) / 2, y: cellY + (H - h) / 2, w, h };
    }
    for (const n of c.nodes) {
      if (n.kind !== 'boundaryEvent') continue;
      const host = this.nodes.get(n.attachedTo!)!;
      const hb = host.box!;
      n.box = { x: hb.x + hb.w * (n.along ?? 0.5) - 18, y: hb.y + hb.h - 18, w: 36, h: 36 };
    }
  }

  private cellCenter(c: Container, [col, row]: [number, number]): [number, number] {
    return [c.ox + col * W + W / 2, c.oy + row * H + H / 2];
  }

  private route(c: Container, f: Flow): Array<[number, number]> {
    const a = this.nodes.get(f.from)!;
    const b = this.nodes.get(f.to)!;
    const A = a.box!;
    const B = b.box!;
    const acx = A.x + A.w / 2;
    const acy = A.y + A.h / 2;
    const bcx = B.x + B.w / 2;
    const bcy = B.y + B.h / 2;
    const side = (box: Box, s: 'left' | 'right' | 'top' | 'bottom', toward?: [number, number]): [number, number] => {
      const cx = box.x + box.w / 2;
      const cy = box.y + box.h / 2;
      if (s === 'left') return [box.x, toward && box.h > 100 ? clamp(toward[1], box.y + 20, box.y + box.h - 20) : cy];
      if (s === 'right') return [box.x + box.w, toward && box.h > 100 ? clamp(toward[1], box.y + 20, box.y + box.h - 20) : cy];
      if (s === 'top') return [toward && box.w > 120 ? clamp(toward[0], box.x + 20, box.x + box.w - 20) : cx, box.y];
      return [toward && box.w > 120 ? clamp(toward[0], box.x + 20, box.x + box.w - 20) : cx, box.y + box.h];
    };
    if (f.via) {
      const pts = f.via.map((p) => this.cellCenter(c, p));
      const first = pts[0];
      const last = pts[pts.length - 1];
      const exit = f.exit ?? (Math.abs(first[1] - acy) < 1 ? (first[0] > acx ? 'right' : 'left') : first[1] > acy ? 'bottom' : 'top');
      const enter = f.enter ?? (Math.abs(last[1] - bcy) < 1 ? (last[0] < bcx ? 'left' : 'right') : last[1] < bcy ? 'top' : 'bottom');
      const start = side(A, exit, first);
      const stop = side(B, enter, last);
      // Keep the first and last segments straight.
      if (exit === 'top' || exit === 'bottom') pts[0] = [start[0], first[1]];
      else pts[0] = [first[0], start[1]];
      if (enter === 'top' || enter === 'bottom') pts[pts.length - 1] = [stop[0], last[1]];
      else pts[pts.length - 1] = [last[0], stop[1]];
      return [start, ...pts, stop];
    }
    if (a.kind === 'boundaryEvent') {
      const start: [number, number] = [acx, A.y + A.h];
      if (B.x > acx) return [start, [acx, bcy], [B.x, bcy]];
      return [start, [acx, B.y - 1 < acy ? bcy : B.y]].concat([[bcx, B.y]]) as Array<[number, number]>;
    }
    const overlapY = Math.min(A.y + A.h, B.y + B.h) - Math.max(A.y, B.y);
    const overlapX = Math.min(A.x + A.w, B.x + B.w) - Math.max(A.x, B.x);
    if (B.x >= A.x + A.w - 1) {
      // Target to the right.
      if (overlapY > 10 && !f.exit && !f.enter) {
        const small = A.h <= B.h ? acy : bcy;
        const y = clamp(small, Math.max(A.y, B.y) + 5, Math.min(A.y + A.h, B.y + B.h) - 5);
        return [[A.x + A.w, y], [B.x, y]];
      }
      if ((isGateway(a) || f.exit === 'bottom' || f.exit === 'top') && f.exit !== 'right') {
        const down = f.exit ? f.exit === 'bottom' : bcy > acy;
        const start: [number, number] = [acx, down ? A.y + A.h : A.y];
        if (f.enter === 'top' || f.enter === 'bottom') return [start, [acx, (acy + bcy) / 2], [bcx, (acy + bcy) / 2], [bcx, f.enter === 'top' ? B.y : B.y + B.h]];
        return [start, [acx, bcy], [B.x, bcy]];
      }
      if (isGateway(b) || f.enter === 'top' || f.enter === 'bottom') {
        const fromAbove = f.enter ? f.enter === 'top' : acy < bcy;
        return [[A.x + A.w, acy], [bcx, acy], [bcx, fromAbove ? B.y : B.y + B.h]];
      }
      const mid = (A.x + A.w + B.x) / 2;
      return [[A.x + A.w, acy], [mid, acy], [mid, bcy], [B.x, bcy]];
    }
    if (overlapX > 10 && B.y >= A.y + A.h) {
      const x = clamp(A.w <= B.w ? acx : bcx, Math.max(A.x, B.x) + 5, Math.min(A.x + A.w, B.x + B.w) - 5);
      return [[x, A.y + A.h], [x, B.y]];
    }
    if (overlapX > 10 && B.y + B.h <= A.y) {
      const x = clamp(A.w <= B.w ? acx : bcx, Math.max(A.x, B.x) + 5, Math.min(A.x + A.w, B.x + B.w) - 5);
      return [[x, A.y], [x, B.y + B.h]];
    }
    if (B.x + B.w <= A.x + 1 && overlapY > 10) {
      const y = A.h <= B.h ? acy : bcy;
      return [[A.x, y], [B.x + B.w, y]];
    }
    if (B.x + B.w <= A.x + 1) {
      // Target to the left, another row: leave from the top/bottom, enter from the side or below.
      if (bcy < acy) return [[acx, A.y], [acx, bcy], [B.x + B.w, bcy]];
      return [[acx, A.y + A.h], [acx, bcy], [B.x + B.w, bcy]];
    }
    const loopY = Math.max(A.y + A.h, B.y + B.h) + 30;
    return [[acx, A.y + A.h], [acx, loopY], [bcx, loopY], [bcx, B.y + B.h]];
  }

  toXml(): string {
    // Connect flows to nodes.
    const allFlows: Array<[Container, Flow]> = [];
    const walk = (c: Container) => {
      for (const f of c.flows) {
        const from = this.nodes.get(f.from);
        const to = this.nodes.get(f.to);
        if (!from || !to) throw new Error(`flow ${f.id}: unknown ${!from ? f.from : f.to}`);
        if (from.container !== c || to.container !== c) throw new Error(`flow ${f.id} crosses containers`);
        from.outgoing.push(f.id);
        to.incoming.push(f.id);
        if (f.isDefault) from.attrs.default = f.id;
        allFlows.push([c, f]);
      }
      for (const n of c.nodes) if (n.inner) walk(n.inner);
    };
    walk(this.root);
    this.layout(this.root, 160, 60);

    const nodeXml = (n: Node, indent: string): string => {
      const attrs = Object.entries({ ...(n.attachedTo ? { attachedToRef: n.attachedTo } : {}), ...n.attrs })
        .map(([k, v]) => ` ${k}="${esc(v)}"`)
        .join('');
      const parts: string[] = [];
      if (n.documentation) parts.push(`<bpmn:documentation>${esc(n.documentation)}</bpmn:documentation>`);
      if (n.ext.length) parts.push(`<bpmn:extensionElements>${n.ext.join('')}</bpmn:extensionElements>`);
      for (const i of n.incoming) parts.push(`<bpmn:incoming>${i}</bpmn:incoming>`);
      for (const o of n.outgoing) parts.push(`<bpmn:outgoing>${o}</bpmn:outgoing>`);
      if (n.eventDef) parts.push(n.eventDef);
      if (n.inner) parts.push(containerXml(n.inner, indent + '  '));
      const name = n.name ? ` name="${esc(n.name)}"` : '';
      return `${indent}<bpmn:${n.kind} id="${n.id}"${name}${attrs}>\n${parts.map((p) => (p.startsWith(' ') ? p : `${indent}  ${p}`)).join('\n')}\n${indent}</bpmn:${n.kind}>`;
    };
    const flowXml = (f: Flow, indent: string): string => {
      const name = f.name ? ` name="${esc(f.name)}"` : '';
      const cond = f.condition ? `\n${indent}  <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${esc(f.condition)}</bpmn:conditionExpression>\n${indent}` : '';
      return `${indent}<bpmn:sequenceFlow id="${f.id}"${name} sourceRef="${f.from}" targetRef="${f.to}">${cond}</bpmn:sequenceFlow>`.replace('></bpmn:sequenceFlow>', ' />');
    };
    const containerXml = (c: Container, indent: string): string => [...c.nodes.map((n) => nodeXml(n, indent)), ...c.flows.map((f) => flowXml(f, indent))].join('\n');

    // Diagram interchange.
    const di: string[] = [];
    const labelBox = (n: Node): string => {
      if (!n.name || !(isEvent(n) || isGateway(n))) return '';
      const b = n.box!;
      const width = Math.min(isGateway(n) ? 95 : 140, Math.max(40, n.name.length * 13));
      const lines = Math.ceil((n.name.length * 13) / width);
      // Gateways: above, ending at the centre (flows leave to the right and below); events: below.
      let x = b.x + b.w / 2 - width / 2;
      let y = b.y + b.h + 5;
      if (n.kind === 'boundaryEvent') {
        x = b.x + b.w + 2;
        y = b.y + b.h + 2;
      } else if (isGateway(n)) {
        x = b.x + b.w / 2 - width;
        y = b.y - lines * 14 - 4;
      }
      return `<bpmndi:BPMNLabel><dc:Bounds x="${r(x)}" y="${r(y)}" width="${width}" height="${lines * 14}" /></bpmndi:BPMNLabel>`;
    };
    const shapes = (c: Container) => {
      for (const n of c.nodes) {
        const b = n.box!;
        const expanded = n.inner ? ' isExpanded="true"' : '';
        const marker = n.kind === 'exclusiveGateway' ? ' isMarkerVisible="true"' : '';
        di.push(`      <bpmndi:BPMNShape id="${n.id}_di" bpmnElement="${n.id}"${expanded}${marker}><dc:Bounds x="${r(b.x)}" y="${r(b.y)}" width="${r(b.w)}" height="${r(b.h)}" />${labelBox(n)}</bpmndi:BPMNShape>`);
        if (n.inner) shapes(n.inner);
      }
    };
    shapes(this.root);
    for (const [c, f] of allFlows) {
      const pts = simplify(this.route(c, f));
      const wps = pts.map(([x, y]) => `<di:waypoint x="${r(x)}" y="${r(y)}" />`).join('');
      let label = '';
      if (f.name) {
        const [x1, y1] = pts[0];
        const [x2, y2] = pts[1];
        const width = Math.min(120, f.name.length * 13 + 4);
        const lx = x1 === x2 ? x1 + 4 : Math.min(x1, x2) + 4;
        const ly = x1 === x2 ? Math.min(y1, y2) + 4 : y1 - 18;
        label = `<bpmndi:BPMNLabel><dc:Bounds x="${r(lx)}" y="${r(ly)}" width="${width}" height="14" /></bpmndi:BPMNLabel>`;
      }
      di.push(`      <bpmndi:BPMNEdge id="${f.id}_di" bpmnElement="${f.id}">${wps}${label}</bpmndi:BPMNEdge>`);
    }

    const doc = this.doc ? `\n    <bpmn:documentation>${esc(this.doc)}</bpmn:documentation>` : '';
    return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:modeler="http://camunda.org/schema/modeler/1.0" id="Definitions_${this.processId}" targetNamespace="http://bpmn.io/schema/bpmn" exporter="Camunda Modeler" exporterVersion="5.40.0" modeler:executionPlatform="Camunda Cloud" modeler:executionPlatformVersion="8.8.0">
  <bpmn:process id="${this.processId}" name="${esc(this.name)}" isExecutable="true">${doc}
${containerXml(this.root, '    ')}
  </bpmn:process>
${this.globals.map((g) => `  ${g}`).join('\n')}
  <bpmndi:BPMNDiagram id="BPMNDiagram_${this.processId}">
    <bpmndi:BPMNPlane id="BPMNPlane_${this.processId}" bpmnElement="${this.processId}">
${di.join('\n')}
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
`;
  }
}

const r = (n: number) => Math.round(n);
const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));

/** Drops repeated and collinear points. */
function simplify(points: Array<[number, number]>): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const p of points.map(([x, y]) => [r(x), r(y)] as [number, number])) {
    const last = out[out.length - 1];
    if (last && last[0] === p[0] && last[1] === p[1]) continue;
    if (out.length >= 2) {
      const [px, py] = out[out.length - 2];
      const [lx, ly] = last;
      if ((px === lx && lx === p[0]) || (py === ly && ly === p[1])) out.pop();
    }
    out.push(p);
  }
  return out;
}
