// Reading an uploaded file: the raw body with its Content-Type and the X-File-Name header
// (encodeURIComponent of the name, as headers carry only ASCII). The type and size limits
// come from the settings (ATTACHMENT_TYPES, ATTACHMENT_MAX_MB); a refusal names the limit.
import express, { type Request, type Response } from 'express';
import type { ServerSettings } from '../../config/index.ts';
import { badRequest, HttpError } from '../http/errors.ts';

export interface UploadHeaders {
  name: string;
  contentType: string;
  limitBytes: number;
}

const tooLarge = (mb: number) => new HttpError(413, 'PAYLOAD_TOO_LARGE', `附件不能超过 ${mb} MB（ATTACHMENT_MAX_MB），请压缩或拆分后再上传`, [{ path: 'body', message: `超过 ${mb} MB` }], { limitBytes: mb * 1024 * 1024 });

/** Checks what the headers say before a byte of the body is read. */
export function uploadHeaders(req: Request, settings: Pick<ServerSettings, 'attachmentMaxMb' | 'attachmentTypes'>): UploadHeaders {
  const contentType = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (!settings.attachmentTypes.includes(contentType)) {
    throw new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE', `不支持的附件类型“${contentType || '未注明'}”，可上传：${settings.attachmentTypes.join('、')}`,
      [{ path: 'headers.content-type', message: '附件类型不在允许范围内（ATTACHMENT_TYPES）' }], { allowedTypes: settings.attachmentTypes });
  }
  const limitBytes = settings.attachmentMaxMb * 1024 * 1024;
  if (Number(req.headers['content-length'] ?? 0) > limitBytes) throw tooLarge(settings.attachmentMaxMb);
  const raw = req.headers['x-file-name'];
  let name: string;
  try {
    name = decodeURIComponent(typeof raw === 'string' ? raw : '');
  } catch {
    throw badRequest('VALIDATION_FAILED', 'X-File-Name 须为 encodeURIComponent 编码的文件名', [{ path: 'headers.x-file-name', message: '不是有效的 URI 编码' }]);
  }
  // Only the last path segment, without control characters: the name is shown and downloaded.
  name = name.split(/[\\/]/).pop()!.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  if (!name || name.length > 200) {
    throw badRequest('VALIDATION_FAILED', '请在 X-File-Name 中给出文件名（encodeURIComponent 编码，不超过 200 字）', [{ path: 'headers.x-file-name', message: '缺少文件名或超过 200 字' }]);
  }
  return { name, contentType, limitBytes };
}

/** The body's bytes, refused past the limit while it streams (a missing or lying Content-Length). */
export async function uploadBody(req: Request, res: Response, upload: UploadHeaders, limitMb: number): Promise<Buffer> {
  const parse = express.raw({ type: () => true, limit: upload.limitBytes });
  await new Promise<void>((resolve, reject) => {
    parse(req, res, (err?: unknown) => {
      if ((err as { type?: string } | undefined)?.type === 'entity.too.large') reject(tooLarge(limitMb));
      else if (err) reject(err);
      else resolve();
    });
  });
  const content = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
  if (content.length === 0) throw badRequest('VALIDATION_FAILED', '附件内容为空：请求体应为文件本身', [{ path: 'body', message: '文件为空' }]);
  return content;
}
