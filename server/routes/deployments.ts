// Deployments without restarting (process admins): check, deploy, version history, diff
// against the running version, rollback; and evaluating a decision, drafted or deployed.
import { evaluateDecision as evaluateDraft } from '../../engine/dmn/index.ts';
import { HttpError, invalidField, notFound } from '../http/errors.ts';
import { checkResources } from '../deployments/check.ts';
import { deploy } from '../deployments/deploy.ts';
import type { ServerContext } from '../context.ts';
import type { Problem } from '../deployments/check.ts';
import { failureOf, parseForDryRun, type ResultFacts } from '../deployments/dry-run.ts';
import { compareWithRunning } from '../deployments/running-samples.ts';
import { engineError, zeebeOf } from '../deployments/engine.ts';
import { listRunning, runningContent } from '../deployments/running.ts';
import { deploymentJson, getDeployment, listDeployments, runningDeployment } from '../deployments/store.ts';
import type { Endpoint } from './endpoint.ts';
import { idParams, paging } from './schemas.ts';

const TAG = '流程部署';

const resourcesBody = {
  type: 'object',
  properties: {
    resources: {
      type: 'array',
      title: '资源文件',
      minItems: 1,
      maxItems: 50,
      items: {
        type: 'object',
        properties: {
          name: { type: 'string', minLength: 1, maxLength: 200, pattern: '^[^/\\\\]+\\.(bpmn|dmn|form|hbs|handlebars)$', title: '文件名', description: '以 .bpmn、.dmn、.form 或 .hbs 结尾' },
          content: { type: 'string', minLength: 1, maxLength: 5_000_000, title: '文件内容' },
        },
        required: ['name', 'content'],
        additionalProperties: false,
      },
    },
  },
  required: ['resources'],
  additionalProperties: false,
};

const problem = {
  type: 'object',
  properties: {
    file: { type: 'string' },
    elementId: { type: 'string' },
    severity: { type: 'string', enum: ['error', 'warning'] },
    message: { type: 'string', description: '中文说明' },
    rule: { type: 'string' },
    original: { type: 'string', description: '检查工具的英文原文' },
  },
};

const version = {
  type: 'object',
  properties: {
    id: { type: 'string', format: 'uuid' },
    deploymentKey: { type: 'string' },
    resourceName: { type: 'string' },
    kind: { type: 'string', enum: ['process', 'decision', 'form'] },
    resourceId: { type: 'string', description: '流程编号、DMN 定义编号或表单编号' },
    decisionIds: { type: 'array', items: { type: 'string' } },
    version: { type: 'integer' },
    engineKey: { type: ['string', 'null'] },
    checksum: { type: 'string' },
    rolledBackFrom: { type: ['string', 'null'] },
    deployedAt: { type: 'string', format: 'date-time' },
    deployedBy: { type: ['object', 'null'], properties: { login: { type: 'string' }, displayName: { type: 'string' } } },
  },
};

const deployAnswer = {
  type: 'object',
  properties: {
    deploymentKey: { type: 'string' },
    resources: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          id: { type: ['string', 'null'] }, name: { type: 'string' }, kind: { type: 'string' }, resourceId: { type: 'string' },
          decisionIds: { type: 'array', items: { type: 'string' } }, version: { type: 'integer' },
          changed: { type: 'boolean', description: 'false：内容与运行中的版本相同，未产生新版本' },
        },
      },
    },
    warnings: { type: 'array', items: problem },
  },
};

const sampleRun = {
  type: 'object',
  description: '一个样例工单在一个决策上的试算结果',
  properties: {
    file: { type: 'string' }, decisionId: { type: 'string' }, decisionName: { type: 'string' }, sample: { type: 'string', description: '样例工单名称' },
    variables: { type: 'object' }, output: { description: '草稿的结果' }, failure: { type: 'string', description: '草稿试算未通过的原因（中文）' },
    running: {
      type: ['object', 'null'], description: '运行中版本的结果；null：该决策尚无运行中的版本',
      properties: { version: { type: 'integer' }, output: {}, failure: { type: 'string' } },
    },
    changed: { type: 'boolean', description: '草稿的结果与运行中版本不同' },
  },
};

export const check: Endpoint = {
  summary: '部署前检查（不部署）',
  description: 'BPMN 按 Camunda 8.8 规则检查（与建模器相同的 bpmnlint 配置），DMN 解析后以 processes/samples/decision-samples.json 的样例工单逐个试算每个决策（失败、或流程需要的输出为空即为错误），并列出各样例在草稿与运行中版本上的结果（samples）；表单检查 id 与组件，通知模板以 handlebars 编译。引擎在部署时还会做最终校验。',
  tag: TAG,
  body: resourcesBody,
  responses: {
    200: {
      description: '检查结果',
      schema: { type: 'object', properties: { ok: { type: 'boolean' }, problems: { type: 'array', items: problem }, samples: { type: 'array', items: sampleRun } } },
    },
  },
  async handle({ ctx, body }) {
    const result = await checkResources(body.resources, ctx.clock);
    return {
      body: {
        ok: result.ok, problems: result.problems, resources: result.resources.map(({ checksum: _c, ...r }) => r),
        samples: await compareWithRunning(ctx, result.samples),
      },
    };
  },
};

export const create: Endpoint = {
  summary: '部署（检查通过后一次性部署全部文件，立即生效，无需重启）',
  description: '内容未变的文件不产生新版本（changed=false）。检查未通过时返回 400 CHECK_FAILED 及 problems；引擎拒绝时返回 400 ENGINE_REJECTED 及引擎的说明。',
  tag: TAG,
  body: resourcesBody,
  responses: { 201: { description: '已部署', schema: deployAnswer } },
  async handle({ ctx, user, body }) {
    return { status: 201, body: await deploy(ctx, user, body.resources) };
  },
};

export const list: Endpoint = {
  summary: '部署历史',
  tag: TAG,
  query: {
    type: 'object',
    properties: {
      resourceId: { type: 'string', maxLength: 200, title: '流程、决策或表单编号' },
      kind: { type: 'string', enum: ['process', 'decision', 'form'], title: '类型' },
      ...paging,
    },
    additionalProperties: false,
  },
  responses: { 200: { description: '各版本（新的在前，不含文件内容）', schema: { type: 'object', properties: { items: { type: 'array', items: version }, total: { type: 'integer' } } } } },
  async handle({ ctx, query }) {
    const { rows, total } = await listDeployments(ctx.pool, query);
    return { body: { items: rows.map(deploymentJson), total } };
  },
};

export const get: Endpoint = {
  summary: '查看某个部署版本的内容，以及运行中的版本（供对比）',
  tag: TAG,
  params: idParams,
  responses: {
    200: {
      description: '该版本及运行中版本的内容',
      schema: {
        type: 'object',
        properties: {
          deployment: version,
          content: { type: 'string' },
          running: { type: 'object', properties: { deployment: version, content: { type: 'string' } } },
        },
      },
    },
  },
  async handle({ ctx, params }) {
    const row = await getDeployment(ctx.pool, params.id);
    if (!row) throw notFound();
    const running = (await runningDeployment(ctx.pool, row.kind, row.resource_id))!;
    return {
      body: {
        deployment: deploymentJson(row),
        content: row.content,
        running: { deployment: deploymentJson(running), content: running.content },
      },
    };
  },
};

const kindSchema = { type: 'string', enum: ['process', 'decision', 'form'], title: '类型' };

const running = {
  type: 'object',
  properties: {
    kind: { type: 'string' }, resourceId: { type: 'string' }, name: { type: 'string' }, resourceName: { type: 'string' },
    version: { type: 'integer' }, deploymentId: { type: ['string', 'null'], description: '本服务部署该版本时的历史编号' },
  },
};

export const listRunningVersions: Endpoint = {
  summary: '运行中的版本（每个流程、决策或表单的最新版本）',
  description: '流程取自流程引擎（含未经本服务部署的版本）；决策与表单取自本服务的部署历史。',
  tag: TAG,
  query: { type: 'object', properties: { kind: kindSchema }, required: ['kind'], additionalProperties: false },
  responses: { 200: { description: '运行中的版本', schema: { type: 'object', properties: { items: { type: 'array', items: running } } } } },
  async handle({ ctx, query }) {
    return { body: { items: await listRunning(ctx, query.kind) } };
  },
};

export const getRunningVersion: Endpoint = {
  summary: '某个流程、决策或表单运行中的版本及其内容（供打开与对比）',
  tag: TAG,
  params: {
    type: 'object',
    properties: { kind: kindSchema, resourceId: { type: 'string', minLength: 1, maxLength: 200, title: '流程、决策或表单编号' } },
    required: ['kind', 'resourceId'],
    additionalProperties: false,
  },
  responses: { 200: { description: '运行中的版本', schema: { ...running, properties: { ...running.properties, content: { type: 'string' } } } } },
  async handle({ ctx, params }) {
    const found = await runningContent(ctx, params.kind, params.resourceId);
    if (!found) throw notFound();
    return { body: found };
  },
};

export const rollback: Endpoint = {
  summary: '回滚：把该版本的内容重新部署为新版本',
  tag: TAG,
  params: idParams,
  responses: { 201: { description: '已部署', schema: deployAnswer } },
  async handle({ ctx, user, params }) {
    const row = await getDeployment(ctx.pool, params.id);
    if (!row) throw notFound();
    return { status: 201, body: await deploy(ctx, user, [{ name: row.resource_name, content: row.content! }], row.id) };
  },
};

const parseJson = (text: string | undefined): unknown => {
  if (text === undefined || text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

const evaluatedOutput = { type: 'object', properties: { outputId: { type: 'string' }, outputName: { type: 'string' }, outputValue: {} } };

export const evaluateDecision: Endpoint = {
  summary: '试算：求值编辑中的草稿，或已部署的最新版本',
  description: '带 xml（编辑中的草稿）时，在服务端以与引擎相同的 DMN 运行库（Zeebe 8.8 语义）求值草稿，不部署、不经过引擎（source=draft）；不带 xml 时，经 SDK 由引擎求值已部署的最新版本（source=deployed，decisionVersion 为版本号）。结果与 Zeebe EvaluateDecision 的形式相同；求值失败时 failureMessage 为引擎原文，failureReason 为中文说明。',
  tag: TAG,
  body: {
    type: 'object',
    properties: {
      decisionId: { type: 'string', minLength: 1, maxLength: 200, title: '决策编号' },
      variables: { type: 'object', title: '变量', default: {} },
      xml: { type: 'string', minLength: 1, maxLength: 5_000_000, title: '草稿 XML', description: '编辑中的 DMN；省略则求值已部署的版本' },
    },
    required: ['decisionId'],
    additionalProperties: false,
  },
  responses: {
    200: {
      description: '求值结果',
      schema: {
        type: 'object',
        properties: {
          source: { type: 'string', enum: ['draft', 'deployed'] },
          versionLabel: { type: 'string', description: '“草稿”或“已部署第 N 版”' },
          decisionId: { type: 'string' }, decisionName: { type: 'string' }, decisionVersion: { type: ['integer', 'null'] }, output: {},
          evaluatedDecisions: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                decisionId: { type: 'string' }, decisionName: { type: 'string' }, output: {},
                matchedRules: { type: 'array', items: { type: 'object', properties: { ruleId: { type: 'string' }, ruleIndex: { type: 'integer' }, evaluatedOutputs: { type: 'array', items: evaluatedOutput } } } },
              },
            },
          },
          failedDecisionId: { type: 'string' }, failureMessage: { type: 'string' }, failureReason: { type: 'string', description: '求值失败的中文说明' },
        },
      },
    },
  },
  async handle({ ctx, body }) {
    return { body: body.xml === undefined ? await evaluateDeployed(ctx, body) : await evaluateDraftXml(ctx.clock, body) };
  },
};

type EvaluateBody = { decisionId: string; variables?: Record<string, unknown>; xml?: string };

const failureFields = (result: ResultFacts) => (result.failureMessage
  ? { ...(result.failedDecisionId ? { failedDecisionId: result.failedDecisionId } : {}), failureMessage: result.failureMessage, failureReason: failureOf(result, []) }
  : {});

async function evaluateDraftXml(now: () => Date, body: EvaluateBody) {
  const problems: Problem[] = [];
  const drg = await parseForDryRun('草稿', body.xml!, problems);
  if (!drg) {
    const message = problems[0]!.message;
    throw new HttpError(400, 'DRAFT_INVALID', `草稿无法求值：${message}`, [{ path: 'xml', message }]);
  }
  const decision = drg.decisions.find((d) => d.id === body.decisionId);
  if (!decision) throw invalidField('decisionId', `草稿中没有编号为 ${body.decisionId} 的决策，请从草稿的决策中选择`);
  const result = evaluateDraft(drg, body.decisionId, body.variables ?? {}, { now });
  const names = new Map(drg.decisions.map((d) => [d.id, d.name]));
  return {
    source: 'draft',
    versionLabel: '草稿',
    decisionId: decision.id,
    decisionName: decision.name,
    decisionVersion: null,
    output: result.decisionOutput,
    evaluatedDecisions: result.evaluatedDecisions.map((d) => ({
      decisionId: d.decisionId, decisionName: d.decisionName || names.get(d.decisionId), output: d.decisionOutput, matchedRules: d.matchedRules,
    })),
    ...failureFields(result),
  };
}

async function evaluateDeployed(ctx: ServerContext, body: EvaluateBody) {
  const zeebe = zeebeOf(ctx);
  let answer: Awaited<ReturnType<typeof zeebe.evaluateDecision>>;
  try {
    answer = await zeebe.evaluateDecision({ decisionId: body.decisionId, variables: (body.variables ?? {}) as never });
  } catch (err) {
    throw engineError(err, `试算决策 ${body.decisionId} `);
  }
  const version = Number(answer.decisionVersion);
  const evaluatedDecisions = (answer.evaluatedDecisions ?? []).map((d) => ({
    decisionId: d.decisionId,
    decisionName: d.decisionName,
    decisionVersion: Number(d.decisionVersion),
    output: parseJson(d.decisionOutput),
    matchedRules: (d.matchedRules ?? []).map((r) => ({
      ruleId: r.ruleId,
      ruleIndex: Number(r.ruleIndex),
      evaluatedOutputs: (r.evaluatedOutputs ?? []).map((o) => ({ outputId: o.outputId, outputName: o.outputName, outputValue: parseJson(o.outputValue) })),
    })),
  }));
  const output = parseJson(answer.decisionOutput);
  return {
    source: 'deployed',
    versionLabel: `已部署第 ${version} 版`,
    decisionId: answer.decisionId,
    decisionName: answer.decisionName,
    decisionVersion: version,
    decisionKey: String(answer.decisionKey),
    output,
    evaluatedDecisions,
    ...failureFields({ decisionId: answer.decisionId, decisionOutput: output, evaluatedDecisions, failedDecisionId: answer.failedDecisionId || undefined, failureMessage: answer.failureMessage || undefined }),
  };
}
