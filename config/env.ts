// Reading settings from environment variables: unset or empty means the default; a bad
// value is a problem naming the variable and what it must be (all are reported at once).

export interface EnvReader {
  int(name: string, fallback: number, min: number, max: number): number;
  flag(name: string, fallback: boolean): boolean;
  oneOf<T extends string>(name: string, fallback: T, allowed: readonly T[]): T;
}

export function envReader(env: NodeJS.ProcessEnv, problems: string[]): EnvReader {
  const given = (name: string) => (env[name] === undefined || env[name] === '' ? undefined : env[name]!);
  return {
    int(name, fallback, min, max) {
      const raw = given(name);
      if (raw === undefined) return fallback;
      const value = Number(raw);
      if (Number.isInteger(value) && value >= min && value <= max) return value;
      problems.push(`${name} must be a whole number from ${min} to ${max}, but was '${raw}'`);
      return fallback;
    },
    flag(name, fallback) {
      const raw = given(name);
      if (raw === undefined) return fallback;
      if (/^true$/i.test(raw)) return true;
      if (/^false$/i.test(raw)) return false;
      problems.push(`${name} must be true or false, but was '${raw}'`);
      return fallback;
    },
    oneOf(name, fallback, allowed) {
      const raw = given(name);
      if (raw === undefined) return fallback;
      const value = raw.toLowerCase() as (typeof allowed)[number];
      if (allowed.includes(value)) return value;
      problems.push(`${name} must be one of ${allowed.join(', ')}, but was '${raw}'`);
      return fallback;
    },
  };
}
