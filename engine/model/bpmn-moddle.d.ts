// bpmn-moddle ships generated element types (bpmn-moddle/types) but none for its entry point,
// so this declares the little of the entry we use. Elements are read through ModdleElement
// (moddle.ts), a structural view of only the properties the model builder touches.
declare module 'bpmn-moddle' {
  export interface ModdleWarning {
    message: string;
    element?: unknown;
    property?: string;
    value?: unknown;
    error?: Error;
  }

  export interface FromXmlResult {
    rootElement: unknown;
    warnings: ModdleWarning[];
  }

  export class BpmnModdle {
    constructor(packages?: Record<string, unknown>, options?: Record<string, unknown>);
    fromXML(xml: string, typeName?: string, options?: Record<string, unknown>): Promise<FromXmlResult>;
  }
}
