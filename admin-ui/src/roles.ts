// Role codes as the server names them (server/access/roles.ts) with their Chinese labels.
// Kept here as data because the browser bundle must not import server code.
export const ROLE_LABELS = {
  dispatcher: '登记员',
  handler: '承办人',
  legal: '法制审核',
  'deputy-leader': '分管领导',
  'principal-leader': '主要领导',
  'hotline-centre': '热线服务中心',
  supervisor: '督办员',
  'process-admin': '流程管理员',
  'system-admin': '系统管理员',
} as const;

export type Role = keyof typeof ROLE_LABELS;

export const roleLabel = (role: string): string => (ROLE_LABELS as Record<string, string>)[role] ?? role;

/** Everyone who works tickets (not the two administrator roles). */
export const CASEWORKERS: readonly Role[] = [
  'dispatcher', 'handler', 'legal', 'deputy-leader', 'principal-leader', 'hotline-centre', 'supervisor',
];
export const LEADERS: readonly Role[] = ['deputy-leader', 'principal-leader'];
