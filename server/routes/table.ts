// Every route of the server, in one table: method, path, who may call it, whose data it
// shows, and the endpoint (schemas + handler, in the file named for its area). Access
// decisions live here and nowhere else; test/server/route-matrix.test.ts walks every
// route with every role, and /api/docs is generated from this list.
//
// Adding a route: write the endpoint next to its peers, then add one line below.
// Deployments are `roles('process-admin')`; tickets use scope 'department'; the process
// monitor, which cannot be narrowed to a department, scope 'organisation'.
import { ROLE_CODES, type Role } from '../access/roles.ts';
import * as apiKeys from './api-keys.ts';
import * as auth from './auth.ts';
import * as departments from './departments.ts';
import * as deployments from './deployments.ts';
import { docsEndpoints } from './docs.ts';
import type { Access, Endpoint, Method, Route, Scope } from './endpoint.ts';
import * as external from './external.ts';
import * as health from './health.ts';
import * as inbox from './inbox.ts';
import * as meta from './meta.ts';
import * as tickets from './tickets.ts';
import { FULL_VIEW_ROLES } from '../tickets/access.ts';
import * as ticketImport from './ticket-import.ts';
import * as ticketAttachments from './ticket-attachments.ts';
import * as ticketLinks from './ticket-links.ts';
import * as ticketPersonalData from './ticket-personal-data.ts';
import * as supervision from './supervision.ts';
import * as calendar from './calendar.ts';
import * as templates from './templates.ts';
import * as users from './users.ts';
import * as statistics from './statistics.ts';
import * as disclosure from './disclosure.ts';

const PUBLIC: Access = { kind: 'public' };
const SIGNED_IN: Access = { kind: 'session', roles: ROLE_CODES };
const roles = (...allowed: Role[]): Access => ({ kind: 'session', roles: allowed });
const apiKey = (scope?: string): Access => ({ kind: 'apiKey', scope });

const ACCOUNTS = roles('system-admin');
const TICKET_READERS = roles('dispatcher', 'handler', 'legal', 'deputy-leader', 'principal-leader', 'hotline-centre', 'supervisor');
const TASK_WORKERS = TICKET_READERS;
// The dashboard: leaders and supervisors for the bureau, a handler for its department and below.
const STATISTICS_READERS = roles('handler', 'supervisor', 'deputy-leader', 'principal-leader');
// Personal data in full, and attachments (evidence that shows it).
const FULL_VIEWERS = roles(...FULL_VIEW_ROLES);
// As the menu (admin-ui/src/menu.ts): due lists for supervisors and leaders, the process monitor for supervisors and process admins.
const SUPERVISORS = roles('supervisor', 'deputy-leader', 'principal-leader');
const PROCESS_MONITORS = roles('supervisor', 'process-admin');

const route = (method: Method, path: string, access: Access, scope: Scope, endpoint: Endpoint): Route =>
  ({ method, path, access, scope, endpoint });

const docs = docsEndpoints(() => ROUTES);

export const ROUTES: readonly Route[] = [
  //     method    path                                      access       scope         endpoint
  route('GET',    '/health',                                 PUBLIC,      'none',       health.liveness),
  route('GET',    '/ready',                                  PUBLIC,      'none',       health.readiness),
  route('GET',    '/api/health',                             PUBLIC,      'none',       health.liveness),
  route('GET',    '/api/ready',                              PUBLIC,      'none',       health.readiness),
  route('GET',    '/api/openapi.json',                       PUBLIC,      'none',       docs.json),
  route('GET',    '/api/docs',                               PUBLIC,      'none',       docs.page),

  route('POST',   '/api/auth/login',                         PUBLIC,      'none',       auth.login),
  route('POST',   '/api/auth/logout',                        SIGNED_IN,   'none',       auth.logout),
  route('GET',    '/api/auth/me',                            SIGNED_IN,   'none',       auth.me),
  route('POST',   '/api/auth/password',                      SIGNED_IN,   'none',       auth.changePassword),

  route('GET',    '/api/admin/code-lists',                   ACCOUNTS,    'none',       meta.codeLists),
  route('GET',    '/api/admin/users',                        ACCOUNTS,    'department', users.list),
  route('POST',   '/api/admin/users',                        ACCOUNTS,    'department', users.create),
  route('GET',    '/api/admin/users/:id',                    ACCOUNTS,    'department', users.get),
  route('PATCH',  '/api/admin/users/:id',                    ACCOUNTS,    'department', users.update),
  route('POST',   '/api/admin/users/:id/reset-password',     ACCOUNTS,    'department', users.resetPassword),
  route('POST',   '/api/admin/users/:id/unlock',             ACCOUNTS,    'department', users.unlock),
  route('GET',    '/api/admin/departments',                  ACCOUNTS,    'department', departments.list),
  route('POST',   '/api/admin/departments',                  ACCOUNTS,    'department', departments.create),
  route('GET',    '/api/admin/departments/:id',              ACCOUNTS,    'department', departments.get),
  route('PATCH',  '/api/admin/departments/:id',              ACCOUNTS,    'department', departments.update),
  route('GET',    '/api/admin/api-keys',                     ACCOUNTS,    'department', apiKeys.list),
  route('POST',   '/api/admin/api-keys',                     ACCOUNTS,    'department', apiKeys.create),
  route('DELETE', '/api/admin/api-keys/:id',                 ACCOUNTS,    'department', apiKeys.revoke),

  route('POST',   '/api/deployments/check',                  roles('process-admin'), 'none', deployments.check),
  route('POST',   '/api/deployments',                        roles('process-admin'), 'none', deployments.create),
  route('GET',    '/api/deployments',                        roles('process-admin'), 'none', deployments.list),
  route('GET',    '/api/deployments/running',                roles('process-admin'), 'none', deployments.listRunningVersions),
  route('GET',    '/api/deployments/running/:kind/:resourceId', roles('process-admin'), 'none', deployments.getRunningVersion),
  route('GET',    '/api/deployments/:id',                    roles('process-admin'), 'none', deployments.get),
  route('POST',   '/api/deployments/:id/rollback',           roles('process-admin'), 'none', deployments.rollback),
  route('POST',   '/api/decisions/evaluate',                 roles('process-admin', 'deputy-leader', 'principal-leader', 'supervisor'), 'none', deployments.evaluateDecision),
  route('GET',    '/api/notice-templates',                   roles('process-admin'), 'none', templates.list),
  route('POST',   '/api/notice-templates/preview',           roles('process-admin'), 'none', templates.preview),
  route('GET',    '/api/notice-templates/:name',             roles('process-admin'), 'none', templates.get),
  route('POST',   '/api/notice-templates/:name',             roles('process-admin'), 'none', templates.deploy),
  route('GET',    '/api/notice-templates/:name/versions/:version', roles('process-admin'), 'none', templates.getVersion),
  route('POST',   '/api/notice-templates/:name/versions/:version/rollback', roles('process-admin'), 'none', templates.rollback),

  route('POST',   '/api/tickets',                            roles('dispatcher'), 'department', tickets.register),
  route('POST',   '/api/tickets/import',                     roles('dispatcher'), 'department', ticketImport.importCsv),
  route('GET',    '/api/calendar',                           roles('process-admin'), 'none', calendar.listYear),
  route('PUT',    '/api/calendar/:year',                     roles('process-admin'), 'none', calendar.saveYear),
  route('POST',   '/api/calendar/:year/check',               roles('process-admin'), 'none', calendar.checkYear),
  route('GET',    '/api/calendar/:year/versions',            roles('process-admin'), 'none', calendar.listVersions),
  route('GET',    '/api/calendar/:year/versions/:version',   roles('process-admin'), 'none', calendar.getVersion),
  route('GET',    '/api/calendar/:year/versions/:version/diff', roles('process-admin'), 'none', calendar.diffVersion),
  route('POST',   '/api/calendar/:year/versions/:version/rollback', roles('process-admin'), 'none', calendar.rollbackVersion),
  route('GET',    '/api/tickets',                            TICKET_READERS, 'department', tickets.list),
  route('GET',    '/api/tickets/export',                     TICKET_READERS, 'department', tickets.exportXlsx),
  route('GET',    '/api/tickets/departments',                TICKET_READERS, 'department', tickets.departments),
  route('GET',    '/api/tickets/:id',                        TICKET_READERS, 'department', tickets.get),
  route('GET',    '/api/tickets/:id/notices/:noticeId',      TICKET_READERS, 'department', tickets.notice),
  route('GET',    '/api/tickets/:id/personal-data',          FULL_VIEWERS, 'department', ticketPersonalData.reveal),
  route('POST',   '/api/tickets/:id/attachments',            FULL_VIEWERS, 'department', ticketAttachments.upload),
  route('GET',    '/api/tickets/:id/attachments/:attachmentId', FULL_VIEWERS, 'department', ticketAttachments.download),
  route('POST',   '/api/tickets/:id/split',                  roles('dispatcher'), 'department', ticketLinks.split),
  route('POST',   '/api/tickets/:id/merge',                  roles('dispatcher'), 'department', ticketLinks.merge),
  route('GET',    '/api/tickets/:id/process',                TICKET_READERS, 'department', tickets.processPath),
  route('POST',   '/api/external/12345/tickets',             apiKey('tickets:intake'), 'none', tickets.push12345),

  route('GET',    '/api/inbox',                              TASK_WORKERS, 'none',       inbox.list),
  route('POST',   '/api/inbox/:taskKey/claim',               TASK_WORKERS, 'none',       inbox.claim),
  route('POST',   '/api/inbox/:taskKey/unclaim',             TASK_WORKERS, 'none',       inbox.unclaim),
  route('GET',    '/api/inbox/:taskKey/form',                TASK_WORKERS, 'none',       inbox.form),
  route('POST',   '/api/inbox/:taskKey/complete',            TASK_WORKERS, 'none',       inbox.complete),

  route('GET',    '/api/supervision/due-today',              SUPERVISORS, 'department', supervision.dueToday),
  route('GET',    '/api/supervision/overdue',                SUPERVISORS, 'department', supervision.overdue),
  route('GET',    '/api/supervision/due-today/export',       SUPERVISORS, 'department', supervision.dueTodayExport),
  route('GET',    '/api/supervision/overdue/export',         SUPERVISORS, 'department', supervision.overdueExport),
  route('POST',   '/api/supervision/tickets/:id/urge',       SUPERVISORS, 'department', supervision.urgeTicket),
  route('POST',   '/api/supervision/tickets/:id/supervise',  SUPERVISORS, 'department', supervision.superviseTicket),
  route('GET',    '/api/supervision/processes',              PROCESS_MONITORS, 'organisation', supervision.definitions),
  route('GET',    '/api/supervision/processes/:key',         PROCESS_MONITORS, 'organisation', supervision.definition),
  route('GET',    '/api/supervision/instances',              PROCESS_MONITORS, 'organisation', supervision.instances),
  route('GET',    '/api/supervision/instances/:key',         PROCESS_MONITORS, 'organisation', supervision.instance),
  route('POST',   '/api/supervision/instances/:key/cancel',  PROCESS_MONITORS, 'organisation', supervision.cancel),
  route('POST',   '/api/supervision/instances/:key/migrate', PROCESS_MONITORS, 'organisation', supervision.migrate),
  route('GET',    '/api/supervision/incidents',              PROCESS_MONITORS, 'organisation', supervision.incidents),
  route('POST',   '/api/supervision/incidents/:key/retry',   PROCESS_MONITORS, 'organisation', supervision.retry),

  route('GET',    '/api/statistics/departments',             STATISTICS_READERS, 'department', statistics.departments),
  route('GET',    '/api/statistics',                         STATISTICS_READERS, 'department', statistics.overview),
  route('GET',    '/api/statistics/export',                  STATISTICS_READERS, 'department', statistics.exportXlsx),
  route('GET',    '/api/public/disclosure',                  PUBLIC,      'none',       disclosure.list),
  route('GET',    '/api/public/disclosure/feed',             PUBLIC,      'none',       disclosure.feed),

  route('GET',    '/api/external/ping',                      apiKey(),    'none',       external.pingGet),
  route('POST',   '/api/external/ping',                      apiKey(),    'none',       external.pingPost),
];
