// A password an administrator set (new account, reset) is known to two people: until its
// owner chooses their own, their session may only ask who they are, change the password
// or sign out. Enforced here, on the server, for every session route.
import { HttpError } from '../http/errors.ts';
import type { SessionUser } from './session-user.ts';

const OPEN_PATHS = new Set(['/api/auth/me', '/api/auth/password', '/api/auth/logout']);

export function requirePasswordChanged(user: SessionUser, routePath: string): void {
  if (user.mustChangePassword && !OPEN_PATHS.has(routePath)) {
    throw new HttpError(403, 'PASSWORD_CHANGE_REQUIRED', '请先修改密码：管理员设置的初始密码或重置后的密码须由本人修改后才能继续使用');
  }
}
