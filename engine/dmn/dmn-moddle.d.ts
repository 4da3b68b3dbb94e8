// dmn-moddle ships no types; this declares the little of its entry point we use. Elements are
// read through DmnElement (read.ts), a structural view of only the properties we touch.
declare module 'dmn-moddle' {
  export interface DmnModdleWarning {
    message: string;
    element?: unknown;
    property?: string;
    value?: unknown;
  }

  export interface DmnFromXmlResult {
    rootElement: unknown;
    warnings: DmnModdleWarning[];
  }

  export function DmnModdle(
    packages?: Record<string, unknown>,
    options?: Record<string, unknown>,
  ): { fromXML(xml: string, typeName?: string): Promise<DmnFromXmlResult> };
}
