// Notice templates (文书模板, process admins): the templates in force, each one's versions,
// a preview on the sample ticket, check + deploy without restarting (the workers render the
// next notice with it), and rolling back to an earlier version.
import { notFound } from '../http/errors.ts';
import { checkDraft, deployTemplate, REGULATIONS, runningVersions, versionJson, versionOf, versionsOf } from '../templates/index.ts';
import type { Endpoint } from './endpoint.ts';

const TAG = '文书模板';

// `preview` is the preview route's own path segment, so no template can be called that.
const name = { type: 'string', pattern: '^(?!preview$)(_layout|[a-z0-9][a-z0-9-]*)$', maxLength: 60, title: '模板名', description: '小写字母、数字和连字符，如 accept-decision（不能是 preview）；版式为 _layout' };
const nameParams = { type: 'object', properties: { name }, required: ['name'], additionalProperties: false };
const versionParams = {
  type: 'object',
  properties: { name, version: { type: 'integer', minimum: 1, title: '版本号' } },
  required: ['name', 'version'],
  additionalProperties: false,
};

const entry = {
  type: 'object',
  title: '目录项',
  description: '标题、文号前缀、各规章版本下的依据条款；版式（_layout）没有目录项',
  properties: {
    title: { type: 'string', minLength: 1, maxLength: 60, title: '标题' },
    prefix: { type: 'string', pattern: '^[\\u4e00-\\u9fa5A-Za-z0-9]{1,10}$', title: '文号前缀', description: '1 至 10 个汉字、字母或数字，如 投受' },
    articles: {
      type: 'object',
      title: '依据条款',
      description: '键为规章版本（或 * 表示各版本相同），值为条款（如 第十四条），尚待核对的为 null',
      propertyNames: { enum: [...REGULATIONS, '*'] },
      additionalProperties: { anyOf: [{ type: 'string', minLength: 1, maxLength: 200 }, { type: 'null' }] },
    },
    law: { type: 'string', minLength: 1, maxLength: 60, title: '所依据的法律', description: '代替投诉举报处理办法引用的法律，如 《中华人民共和国行政处罚法》' },
  },
  required: ['title', 'prefix', 'articles'],
  additionalProperties: false,
};

const content = { type: 'string', minLength: 1, maxLength: 200_000, title: '模板内容（handlebars）' };

const problem = {
  type: 'object',
  properties: { file: { type: 'string' }, severity: { type: 'string', enum: ['error', 'warning'] }, message: { type: 'string', description: '中文说明' } },
};

const version = {
  type: 'object',
  properties: {
    id: { type: 'string', format: 'uuid' },
    name: { type: 'string' },
    version: { type: 'integer' },
    entry: { type: ['object', 'null'] },
    checksum: { type: 'string' },
    rolledBackFrom: { type: ['string', 'null'] },
    deployedAt: { type: 'string', format: 'date-time' },
    deployedBy: { type: ['object', 'null'], description: '首个版本（随系统提供的文件）为 null', properties: { login: { type: 'string' }, displayName: { type: 'string' } } },
    content: { type: 'string' },
  },
};

const deployAnswer = {
  type: 'object',
  properties: {
    name: { type: 'string' },
    version: { type: 'integer', description: '生效的版本号' },
    changed: { type: 'boolean', description: 'false：内容与生效版本相同，未产生新版本' },
    warnings: { type: 'array', items: problem },
  },
};

const draftOf = (templateName: string, body: { content: string; entry?: unknown }) =>
  ({ name: templateName, content: body.content, entry: (body.entry ?? null) as never });

export const list: Endpoint = {
  summary: '生效中的文书模板',
  tag: TAG,
  responses: { 200: { description: '各模板的生效版本（不含内容）', schema: { type: 'object', properties: { items: { type: 'array', items: version } } } } },
  async handle({ ctx }) {
    return { body: { items: (await runningVersions(ctx.pool)).map((r) => versionJson(r)) } };
  },
};

export const get: Endpoint = {
  summary: '一个文书模板：生效版本的内容与全部版本',
  tag: TAG,
  params: nameParams,
  responses: { 200: { description: '生效版本（含内容）与版本历史（新的在前）', schema: { type: 'object', properties: { running: version, versions: { type: 'array', items: version } } } } },
  async handle({ ctx, params }) {
    const versions = await versionsOf(ctx.pool, params.name);
    if (!versions.length) throw notFound(`文书模板“${params.name}”不存在`);
    return { body: { running: versionJson(versions[0]!, true), versions: versions.map((r) => versionJson(r)) } };
  },
};

export const getVersion: Endpoint = {
  summary: '一个文书模板的某个版本（含内容），供与生效版本对比',
  tag: TAG,
  params: versionParams,
  responses: { 200: { description: '该版本', schema: version } },
  async handle({ ctx, params }) {
    const row = await versionOf(ctx.pool, params.name, params.version);
    if (!row) throw notFound(`文书模板“${params.name}”没有第 ${params.version} 版`);
    return { body: versionJson(row, true) };
  },
};

export const preview: Endpoint = {
  summary: '预览：在示例工单上生成草稿文书，并给出部署前检查的结果（不部署）',
  description: '检查：handlebars 能编译；在示例工单上（版式：每一种文书）能生成；目录项为每个规章版本给出条款。ok=false 时 problems 说明原因。',
  tag: TAG,
  body: { type: 'object', properties: { name, content, entry }, required: ['name', 'content'], additionalProperties: false },
  responses: {
    200: {
      description: '检查结果与生成的文书',
      schema: { type: 'object', properties: { ok: { type: 'boolean' }, problems: { type: 'array', items: problem }, title: { type: 'string' }, html: { type: 'string' } } },
    },
  },
  async handle({ ctx, body }) {
    const checked = await checkDraft(ctx.pool, draftOf(body.name, body));
    return { body: { ok: checked.ok, problems: checked.problems, ...(checked.preview ? { title: checked.preview.title, html: checked.preview.html } : {}) } };
  },
};

export const deploy: Endpoint = {
  summary: '检查并部署一个文书模板（立即生效，无需重启）',
  description: '检查未通过时返回 400 CHECK_FAILED，message 指明模板和问题，problems 列出全部问题，不做任何修改。新的模板名即新增一种文书。',
  tag: TAG,
  params: nameParams,
  body: { type: 'object', properties: { content, entry }, required: ['content'], additionalProperties: false },
  responses: { 201: { description: '已部署为新版本', schema: deployAnswer }, 200: { description: '与生效版本相同，未产生新版本', schema: deployAnswer } },
  async handle({ ctx, user, params, body }) {
    const result = await deployTemplate(ctx, user, draftOf(params.name, body));
    return { status: result.changed ? 201 : 200, body: result };
  },
};

export const rollback: Endpoint = {
  summary: '回滚：把该版本的内容和目录项重新部署为新版本',
  tag: TAG,
  params: versionParams,
  responses: { 201: { description: '已部署', schema: deployAnswer }, 200: { description: '该版本即生效版本，未产生新版本', schema: deployAnswer } },
  async handle({ ctx, user, params }) {
    const row = await versionOf(ctx.pool, params.name, params.version);
    if (!row) throw notFound(`文书模板“${params.name}”没有第 ${params.version} 版`);
    const result = await deployTemplate(ctx, user, { name: row.name, content: row.content, entry: row.entry }, row);
    return { status: result.changed ? 201 : 200, body: result };
  },
};
