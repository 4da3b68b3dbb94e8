// Who is signed in: loaded once from GET /api/auth/me, set by login, cleared by logout
// or by any 401. The CSRF token that comes with the session goes to the API client.
import { defineStore } from 'pinia';
import { ApiError, api, setCsrfToken } from '../api.ts';

export interface Department {
  id: string;
  code?: string;
  name: string;
  kind?: string;
}

export interface SessionUser {
  id: string;
  login: string;
  displayName: string;
  roles: string[];
  department?: Department;
  bureau?: Department;
  /** wholeOrganisation: the user's scope is the top of the organisation (the 市局). */
  scope?: { kind: string; departmentId: string; wholeOrganisation?: boolean };
  mustChangePassword?: boolean;
}

/** The server's answer to login and me. Roles and department may sit in user or beside it. */
interface SessionBody {
  user: SessionUser;
  roles?: string[];
  department?: Department;
  csrfToken: string;
}

export const useSession = defineStore('session', {
  state: () => ({
    user: undefined as SessionUser | undefined,
    roles: [] as string[],
    department: undefined as Department | undefined,
    /** true after the first GET /api/auth/me, whatever it answered. */
    loaded: false,
    /** Set when the server could not be asked at all (not a 401). */
    loadError: '' as string,
  }),
  getters: {
    signedIn: (state) => state.user !== undefined,
    wholeOrganisation: (state) => state.user?.scope?.wholeOrganisation === true,
  },
  actions: {
    apply(body: SessionBody) {
      this.user = body.user;
      this.roles = body.roles ?? body.user.roles ?? [];
      this.department = body.department ?? body.user.department;
      setCsrfToken(body.csrfToken ?? '');
    },
    clear() {
      this.user = undefined;
      this.roles = [];
      this.department = undefined;
      setCsrfToken('');
    },
    async load(): Promise<void> {
      if (this.loaded) return;
      try {
        this.apply(await api.get<SessionBody>('/api/auth/me', { quiet: true }));
        this.loadError = '';
      } catch (err) {
        this.clear();
        this.loadError = err instanceof ApiError && err.status !== 401 ? err.message : '';
      } finally {
        this.loaded = true;
      }
    },
    /** Throws ApiError with the server's message (and field details) when refused. */
    async login(login: string, password: string): Promise<void> {
      this.apply(await api.post<SessionBody>('/api/auth/login', { login, password }, { quiet: true }));
      this.loaded = true;
    },
    async logout(): Promise<void> {
      try {
        await api.post('/api/auth/logout', undefined, { quiet: true });
      } catch {
        // Signed out locally either way: an expired session is already gone on the server.
      }
      this.clear();
    },
  },
});
