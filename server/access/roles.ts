// The roles of DOMAIN.md plus the account administrator, with what each one sees.
// `scope` is the department scope of the role's data: 'department' = its own department
// and those below it; 'bureau' = the whole bureau (市局 or 区/县局) it belongs to.
// The codes match the BPMN candidate groups (role:<code>, see processes/README.md).

export const ROLES = {
  dispatcher: { label: '登记员', scope: 'bureau' },
  handler: { label: '承办人', scope: 'department' },
  legal: { label: '法制审核', scope: 'bureau' },
  'deputy-leader': { label: '分管领导', scope: 'bureau' },
  'principal-leader': { label: '主要领导', scope: 'bureau' },
  'hotline-centre': { label: '热线服务中心', scope: 'bureau' },
  supervisor: { label: '督办员', scope: 'bureau' },
  'process-admin': { label: '流程管理员', scope: 'bureau' },
  'system-admin': { label: '系统管理员', scope: 'bureau' },
} as const satisfies Record<string, { label: string; scope: 'department' | 'bureau' }>;

export type Role = keyof typeof ROLES;
export const ROLE_CODES = Object.keys(ROLES) as Role[];

export const isRole = (value: string): value is Role => Object.hasOwn(ROLES, value);

