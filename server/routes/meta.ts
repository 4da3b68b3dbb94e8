// Code lists the account screens need: roles, department kinds, API key scopes.
import { ROLES } from '../access/roles.ts';
import { API_KEY_SCOPES } from '../auth/api-key-scopes.ts';
import { PASSWORD_RULE } from '../auth/passwords.ts';
import { DEPARTMENT_KINDS } from '../org/department-kinds.ts';
import type { Endpoint } from './endpoint.ts';

const codeList = { type: 'array', items: { type: 'object', properties: { code: { type: 'string' }, label: { type: 'string' } } } };

export const codeLists: Endpoint = {
  summary: '角色、部门类型、API 密钥权限的代码表，以及密码规则',
  tag: '账号管理',
  responses: {
    200: {
      description: '代码表',
      schema: { type: 'object', properties: { roles: codeList, departmentKinds: codeList, apiKeyScopes: codeList, passwordRule: { type: 'string' } } },
    },
  },
  async handle() {
    return {
      body: {
        roles: Object.entries(ROLES).map(([code, r]) => ({ code, label: r.label, scope: r.scope })),
        departmentKinds: Object.entries(DEPARTMENT_KINDS).map(([code, label]) => ({ code, label })),
        apiKeyScopes: Object.entries(API_KEY_SCOPES).map(([code, label]) => ({ code, label })),
        passwordRule: PASSWORD_RULE,
      },
    };
  },
};
