// Schemas several routes share.
import { ROLE_CODES } from '../access/roles.ts';
import { DEPARTMENT_KIND_CODES } from '../org/department-kinds.ts';

export const uuid = (title: string) => ({ type: 'string', format: 'uuid', title, description: 'UUID' });

export const idParams = {
  type: 'object',
  properties: { id: uuid('编号') },
  required: ['id'],
  additionalProperties: false,
};

export const departmentRef = {
  type: 'object',
  properties: {
    id: { type: 'string', format: 'uuid' },
    code: { type: 'string' },
    name: { type: 'string' },
    kind: { type: 'string', enum: DEPARTMENT_KIND_CODES },
  },
  required: ['id', 'code', 'name', 'kind'],
};

export const roleList = {
  type: 'array',
  title: '角色',
  items: { type: 'string', enum: ROLE_CODES, title: '角色' },
  minItems: 1,
  maxItems: ROLE_CODES.length,
  uniqueItems: true,
};

export const paging = {
  limit: { type: 'integer', minimum: 1, maximum: 200, default: 50, title: '每页条数' },
  offset: { type: 'integer', minimum: 0, default: 0, title: '起始位置' },
};

export const sessionUser = {
  type: 'object',
  properties: {
    id: { type: 'string', format: 'uuid' },
    login: { type: 'string' },
    displayName: { type: 'string' },
    roles: { type: 'array', items: { type: 'string', enum: ROLE_CODES } },
    department: departmentRef,
    bureau: departmentRef,
    scope: {
      type: 'object',
      description: 'department: 本部门及下级；bureau: 整个局；wholeOrganisation: 该局为组织机构的最上级（市局），可用全市范围的功能（流程监控）',
      properties: { kind: { type: 'string', enum: ['department', 'bureau'] }, departmentId: { type: 'string', format: 'uuid' }, wholeOrganisation: { type: 'boolean' } },
    },
    mustChangePassword: { type: 'boolean' },
  },
};

export const password = (title: string) => ({ type: 'string', minLength: 1, maxLength: 128, title });
