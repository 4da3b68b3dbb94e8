// /api/docs: the OpenAPI document as one static, readable HTML page, rendered on the
// server. No script and no CDN; its only inline style is allowed by hash in the CSP.
import crypto from 'node:crypto';

const CSS = `
body{font:14px/1.6 -apple-system,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;margin:0;color:#1f2328;background:#f6f8fa}
main{max-width:1100px;margin:0 auto;padding:24px}
h1{font-size:24px;margin:0 0 8px}h2{font-size:19px;margin:32px 0 8px;border-bottom:1px solid #d0d7de;padding-bottom:4px}
.guide{background:#fff;border:1px solid #d0d7de;border-radius:6px;padding:12px 16px;margin:8px 0;white-space:pre-wrap}
details{background:#fff;border:1px solid #d0d7de;border-radius:6px;margin:8px 0}
summary{cursor:pointer;padding:8px 12px;display:flex;gap:12px;align-items:baseline}
.m{font:bold 12px monospace;padding:2px 6px;border-radius:4px;color:#fff;min-width:52px;text-align:center}
.GET{background:#1f6feb}.POST{background:#1a7f37}.PATCH{background:#9a6700}.PUT{background:#8250df}.DELETE{background:#cf222e}
code,pre{font-family:ui-monospace,Consolas,monospace;font-size:12.5px}
.body{padding:0 16px 12px}pre{background:#f6f8fa;border:1px solid #d0d7de;border-radius:6px;padding:8px;overflow:auto;max-height:420px}
table{border-collapse:collapse;margin:4px 0}td,th{border:1px solid #d0d7de;padding:3px 8px;text-align:left;vertical-align:top}
.who{color:#57606a}
`;

export const DOCS_CSP = `default-src 'none'; style-src 'sha256-${crypto.createHash('sha256').update(CSS).digest('base64')}'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'`;

const escape = (text: unknown) =>
  String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const json = (value: unknown) => `<pre>${escape(JSON.stringify(value, null, 2))}</pre>`;

interface Operation {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  parameters?: { name: string; in: string; required: boolean; description?: string; schema: unknown }[];
  requestBody?: { content: Record<string, { schema: unknown }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: unknown }> }>;
  'x-access': string;
  'x-scope': string;
}

export function renderDocsPage(doc: any): string {
  const byTag = new Map<string, string[]>();
  for (const [path, methods] of Object.entries(doc.paths as Record<string, Record<string, Operation>>)) {
    for (const [method, op] of Object.entries(methods)) {
      const upper = method.toUpperCase();
      const params = op.parameters?.length
        ? `<h4>参数</h4><table><tr><th>名称</th><th>位置</th><th>必填</th><th>说明</th><th>类型</th></tr>${op.parameters.map((p) =>
          `<tr><td><code>${escape(p.name)}</code></td><td>${p.in === 'path' ? '路径' : '查询'}</td><td>${p.required ? '是' : '否'}</td><td>${escape(p.description ?? '')}</td><td><code>${escape(JSON.stringify(p.schema))}</code></td></tr>`).join('')}</table>`
        : '';
      const body = op.requestBody ? `<h4>请求体（application/json）</h4>${json(op.requestBody.content['application/json']?.schema)}` : '';
      const responses = `<h4>响应</h4><table><tr><th>状态</th><th>说明</th></tr>${Object.entries(op.responses).map(([status, r]) =>
        `<tr><td>${escape(status)}</td><td>${escape(r.description)}${r.content && Number(status) < 400 ? json(Object.values(r.content)[0]?.schema) : ''}</td></tr>`).join('')}</table>`;
      const section = `<details id="${escape(op.operationId)}"><summary><span class="m ${upper}">${upper}</span><code>${escape(path)}</code><span>${escape(op.summary)}</span></summary>
<div class="body"><p class="who">${escape(op['x-access'])}${op['x-scope'] === 'department' ? '；数据限于本人的部门范围' : ''}</p>
${op.description ? `<p>${escape(op.description)}</p>` : ''}${params}${body}${responses}</div></details>`;
      const tag = op.tags[0] ?? '其他';
      byTag.set(tag, [...(byTag.get(tag) ?? []), section]);
    }
  }
  const sections = [...byTag].map(([tag, ops]) => `<h2>${escape(tag)}</h2>${ops.join('\n')}`).join('\n');
  const guides = String(doc.info.description).split('\n\n').map((g) => `<div class="guide">${escape(g)}</div>`).join('');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escape(doc.info.title)}</title><style>${CSS}</style></head>
<body><main><h1>${escape(doc.info.title)} <small>${escape(doc.info.version)}</small></h1>
<p>机器可读版本：<a href="/api/openapi.json">/api/openapi.json</a>（OpenAPI 3.1）</p>
${guides}
${sections}
</main></body></html>`;
}
