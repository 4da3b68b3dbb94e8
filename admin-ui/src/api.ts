// The one way the app talks to the server: fetch on the same origin with the session
// cookie, the CSRF token on unsafe methods, and every failure turned into an ApiError
// whose message is the server's Chinese text (or ours when there is none).
//
// Server errors have the shape { error: { code, message, details?: [{ path, message }] } };
// the engine's REST API answers RFC 9457 problems { type, title, status, detail }. Both map
// to ApiError. By default a failure is also shown as an Element Plus message; callers that
// show errors themselves (forms with per-field messages) pass { quiet: true }.
import { ElMessage } from 'element-plus';

export interface FieldError {
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: FieldError[] = [],
    readonly body?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The message for one field (`login`, `password`, `body.name`…), if the server named it. */
  fieldMessage(field: string): string | undefined {
    return this.details.find((d) => d.path === field || d.path === `body.${field}` || d.path === `/${field}`)?.message;
  }

  /** The endpoint is not there (yet): the page shows its placeholder state. */
  get isMissingEndpoint(): boolean {
    return this.status === 404 || this.status === 501 || this.code === 'NETWORK_ERROR';
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

let csrfToken = '';
let onUnauthenticated: (() => void) | undefined;

export function setCsrfToken(token: string): void {
  csrfToken = token;
}

/** Called on a 401 outside the login call: the session store clears itself and goes to the login page. */
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

export interface RequestOptions {
  query?: Record<string, string | number | boolean | undefined>;
  /** JSON, or a Blob (a File) sent as it is with its own type. */
  body?: unknown;
  headers?: Record<string, string>;
  /** Do not show the error as a message: the caller does. */
  quiet?: boolean;
  signal?: AbortSignal;
}

const STATUS_MESSAGES: Record<number, string> = {
  400: '请求内容有误',
  401: '未登录或登录已过期，请重新登录',
  403: '您的角色无权执行此操作',
  404: '服务端尚未提供该功能',
  409: '数据已被他人修改，请刷新后重试',
  413: '提交的内容过大',
  429: '操作过于频繁，请稍后再试',
  500: '服务器内部错误，请联系系统管理员',
  502: '服务暂不可用，请稍后再试',
  503: '服务暂不可用，请稍后再试',
  504: '服务器响应超时，请稍后再试',
};

export async function request<T = unknown>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const upper = method.toUpperCase();
  const headers: Record<string, string> = { Accept: 'application/json' };
  const raw = options.body instanceof Blob;
  if (options.body !== undefined) headers['Content-Type'] = raw ? (options.body as Blob).type || 'application/octet-stream' : 'application/json';
  Object.assign(headers, options.headers);
  if (UNSAFE.has(upper) && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  let url = path;
  if (options.query) {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(options.query)) if (value !== undefined) params.set(key, String(value));
    const text = params.toString();
    if (text) url += `${url.includes('?') ? '&' : '?'}${text}`;
  }

  let response: Response;
  try {
    response = await fetch(url, {
      method: upper,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : raw ? (options.body as Blob) : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    return fail(new ApiError(0, 'NETWORK_ERROR', '无法连接服务器，请检查网络或稍后再试'), options);
  }

  const body = await readBody(response);
  if (response.ok) return body as T;

  const error = toApiError(response.status, body);
  if (response.status === 401 && path !== '/api/auth/login' && path !== '/api/auth/me') onUnauthenticated?.();
  return fail(error, options);
}

async function readBody(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  const type = response.headers.get('Content-Type') ?? '';
  const text = await response.text();
  if (!text) return undefined;
  if (type.includes('json')) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}

export function toApiError(status: number, body: unknown): ApiError {
  const fallback = STATUS_MESSAGES[status] ?? `请求失败（HTTP ${status}）`;
  if (body && typeof body === 'object') {
    const record = body as Record<string, any>;
    if (record.error && typeof record.error === 'object') {
      const { code, message, details } = record.error as { code?: string; message?: string; details?: FieldError[] };
      return new ApiError(status, code ?? `HTTP_${status}`, message || fallback, Array.isArray(details) ? details : [], body);
    }
    // RFC 9457 problem details (the engine's REST API).
    if (typeof record.title === 'string' || typeof record.detail === 'string') {
      return new ApiError(status, String(record.title ?? `HTTP_${status}`), String(record.detail || record.title || fallback), [], body);
    }
  }
  return new ApiError(status, `HTTP_${status}`, fallback, [], body);
}

function fail(error: ApiError, options: RequestOptions): never {
  // A 401 leads to the login page; a message on top of it says nothing more.
  if (!options.quiet && error.status !== 401) ElMessage.error({ message: error.message, grouping: true });
  throw error;
}

export const api = {
  get: <T = unknown>(path: string, options?: Omit<RequestOptions, 'body'>) => request<T>('GET', path, options),
  post: <T = unknown>(path: string, body?: unknown, options?: RequestOptions) => request<T>('POST', path, { ...options, body }),
  put: <T = unknown>(path: string, body?: unknown, options?: RequestOptions) => request<T>('PUT', path, { ...options, body }),
  patch: <T = unknown>(path: string, body?: unknown, options?: RequestOptions) => request<T>('PATCH', path, { ...options, body }),
  delete: <T = unknown>(path: string, options?: RequestOptions) => request<T>('DELETE', path, options),
};
