// Date-times the way processes carry them (processes/README.md): ISO 8601 with the
// +08:00 offset of Asia/Shanghai, whole seconds.

const SHANGHAI_MS = 8 * 3_600_000;

export function toShanghaiIso(instant: Date): string {
  return `${new Date(instant.getTime() + SHANGHAI_MS).toISOString().slice(0, 19)}+08:00`;
}
