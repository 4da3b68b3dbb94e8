// CSV back-fill of tickets (历史工单导入): the file as base64 (Excel's GB18030 or UTF-8),
// all or nothing by default; every problem names its line and column. Historical tickets
// get no process unless asked for (startProcesses).
import { importTicketsCsv } from '../../tickets/index.ts';
import { HttpError } from '../http/errors.ts';
import type { Endpoint } from './endpoint.ts';

export const importCsv: Endpoint = {
  summary: '导入历史工单（CSV）',
  description: 'content 为 CSV 文件内容的 base64（UTF-8 或 Excel 另存的 GB18030，首行为列名，可用中文列名）。默认任一行有误则全部不导入（partial=true 时导入正确的行）；同一渠道同一外部编号重复导入不会新增。单次不超过约 700 KB，较大的文件请分批导入。',
  tag: '工单',
  body: {
    type: 'object',
    required: ['content'],
    additionalProperties: false,
    properties: {
      content: { type: 'string', minLength: 1, contentEncoding: 'base64', title: 'CSV 文件（base64）' },
      partial: { type: 'boolean', title: '只导入正确的行' },
      startProcesses: { type: 'boolean', title: '为未办结工单启动流程' },
    },
  },
  responses: {
    200: { description: '导入结果：行数、新增、已存在，以及每个错误的行号和列', schema: { type: 'object' } },
  },
  async handle({ ctx, user, body }) {
    const { content, partial, startProcesses } = body as { content: string; partial?: boolean; startProcesses?: boolean };
    const file = Buffer.from(content, 'base64');
    if (file.length === 0) throw new HttpError(400, 'VALIDATION_FAILED', 'content：不是有效的 base64 文件内容', [{ path: 'content', message: '不是有效的 base64 文件内容' }]);
    const result = await importTicketsCsv(
      { pool: ctx.pool, zeebe: ctx.engine.client?.getZeebeGrpcApiClient() },
      file,
      { actor: `user:${user!.id}`, partial, startProcesses },
    );
    return { status: result.errors.length && !partial ? 422 : 200, body: result };
  },
};
