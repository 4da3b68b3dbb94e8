// org.common-superior: the common superior of the units that returned a ticket ("not ours"
// twice), who designates the handler. Department codes start with their bureau's 行政区划代码
// (processes/README.md), and the codes nest: 370102 (district) → 370100 (city) → 370000
// (province). Units of one bureau have that bureau; bureaus of one city the city; else the
// province.
import { IncidentError } from '../job-errors.ts';
import type { JobModule } from '../job-module.ts';

export const orgCommonSuperior: JobModule = {
  type: 'org.common-superior',
  fetchVariables: ['departments'],
  async handle(job) {
    const departments = job.variables.departments;
    if (!Array.isArray(departments) || departments.length === 0 || departments.some((d) => typeof d !== 'string' || !/^\d{6}/.test(d))) {
      throw new IncidentError(`变量 departments 应为退回单位代码的列表（以6位行政区划代码开头），收到 ${JSON.stringify(departments ?? null)}`);
    }
    return { designator: commonSuperior(departments as string[]) };
  },
};

export function commonSuperior(departments: string[]): string {
  const bureaus = [...new Set(departments.map((d) => d.slice(0, 6)))];
  if (bureaus.length === 1) return bureaus[0]!;
  // Two different bureaus: the lowest level that holds both. A city bureau (xxxx00) is the
  // superior of its districts; it appears itself when one of the units is the city's own.
  const cities = new Set(bureaus.map((b) => `${b.slice(0, 4)}00`));
  if (cities.size === 1) return [...cities][0]!;
  return `${bureaus[0]!.slice(0, 2)}0000`;
}
