// A ticket's attachments (附件): upload the file as the raw request body, download it. The
// metadata is listed in the ticket's `attachments` (GET /api/tickets/:id). Attachments are
// evidence that often shows the complainant (ID cards, receipts), so they are for the roles
// that see personal data in full, and every download goes into the ticket's audit trail.
import { addAttachment, appendAudit, getAttachment } from '../../tickets/index.ts';
import { forbidden, notFound } from '../http/errors.ts';
import { seesFullData } from '../tickets/access.ts';
import { uploadBody, uploadHeaders } from '../tickets/upload.ts';
import { visibleTicket } from '../tickets/visible.ts';
import type { Endpoint } from './endpoint.ts';
import { idParams, uuid } from './schemas.ts';

const TAG = '工单';

const attachmentSchema = {
  type: 'object',
  properties: {
    id: { type: 'string', format: 'uuid' },
    name: { type: 'string' },
    size: { type: 'integer', description: '字节' },
    contentType: { type: 'string' },
    sha256: { type: 'string' },
    uploadedAt: { type: 'string', format: 'date-time' },
    uploadedBy: { type: 'string', description: 'user:<编号>' },
  },
};

export const upload: Endpoint = {
  summary: '上传工单附件',
  description: '请求体为文件本身（不是 JSON）；Content-Type 为文件类型，须在 ATTACHMENT_TYPES 之内（否则 415）；请求头 X-File-Name 为 encodeURIComponent 编码的文件名；'
    + '大小不超过 ATTACHMENT_MAX_MB（默认 20 MB，否则 413）。文件存入数据库后才答复 201，元数据随即出现在工单详情（GET /api/tickets/:id）的 attachments 中。',
  tag: TAG,
  params: idParams,
  responses: { 201: { description: '已保存', schema: { type: 'object', properties: { attachment: attachmentSchema } } } },
  async handle({ ctx, user, params, req, res }) {
    const headers = uploadHeaders(req, ctx.settings);
    const ticket = await visibleTicket(ctx, user!, params.id);
    const content = await uploadBody(req, res, headers, ctx.settings.attachmentMaxMb);
    const attachment = await addAttachment(ctx.pool, {
      ticketId: ticket.id, name: headers.name, contentType: headers.contentType, content, uploadedBy: `user:${user!.id}`, at: ctx.clock(),
    });
    if (!attachment) throw notFound();
    return { status: 201, body: { attachment } };
  },
};

export const download: Endpoint = {
  summary: '下载工单附件',
  description: '以附件形式返回文件（Content-Disposition 带 UTF-8 文件名）。每次下载记入工单审计记录。',
  tag: TAG,
  params: {
    type: 'object',
    properties: { id: uuid('工单编号'), attachmentId: uuid('附件编号') },
    required: ['id', 'attachmentId'],
    additionalProperties: false,
  },
  responses: { 200: { description: '文件', contentType: 'application/octet-stream' } },
  async handle({ ctx, user, params, res }) {
    const ticket = await visibleTicket(ctx, user!, params.id);
    const file = await getAttachment(ctx.pool, ticket.id, params.attachmentId);
    if (!file) throw notFound();
    if (!(await seesFullData(ctx.pool, user!, ticket))) throw forbidden('附件可能含个人信息：只有本部门承办人和登记员、法制审核、领导可以下载');
    await appendAudit(ctx.pool, {
      ticketId: ticket.id, actor: `user:${user!.id}`, action: 'attachment.downloaded', at: ctx.clock(),
      after: { attachmentId: file.id, name: file.name, login: user!.login },
    });
    // res.attachment writes filename="<ASCII fallback>"; filename*=UTF-8''<percent-encoded> (RFC 6266).
    res.attachment(file.name).type(file.contentType).status(200).send(file.content);
  },
};
