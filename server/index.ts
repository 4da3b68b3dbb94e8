// Public entry of the server component: the Express app on port 3000 for the browser UI
// and outside systems. It reaches the engine only through @camunda8/sdk (EngineAccess).
export { startServer } from './start-server.ts';
export type { RunningServer, StartServerOptions } from './start-server.ts';
export { createApp, createContext } from './app.ts';
export type { AppOptions } from './app.ts';
export type { EngineAccess, ServerContext } from './context.ts';
export { ROUTES } from './routes/table.ts';
export type { Access, Call, Endpoint, Method, Reply, Route, Scope } from './routes/endpoint.ts';
export { ROLES, ROLE_CODES, isRole, type Role } from './access/roles.ts';
export { inScope, scopeCondition, scopeOf, type DepartmentRef, type DepartmentScope } from './access/scope.ts';
export { DEPARTMENT_KINDS, BUREAU_KINDS, type DepartmentKind } from './org/department-kinds.ts';
export { DEMO_ACCOUNTS, DEMO_DEPARTMENTS } from './org/demo-organisation.ts';
export type { SessionUser } from './auth/session-user.ts';
export type { ApiKeyPrincipal } from './auth/api-key-principal.ts';
export { API_KEY_SCOPES } from './auth/api-key-scopes.ts';
export { HttpError } from './http/errors.ts';
export { SIGNATURE_HEADERS, sign, stringToSign } from './auth/hmac.ts';
