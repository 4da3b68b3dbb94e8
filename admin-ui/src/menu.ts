// The left menu: groups and pages, and which roles see each page. The router builds its
// routes from this table too, so a page is reachable exactly when its menu entry is shown.
import type { Component } from 'vue';
import type { RouteComponent } from 'vue-router';
import {
  Bell, Calendar, Clock, DataAnalysis, Document, EditPen, Files, List, Monitor, OfficeBuilding,
  Operation, Search, Share, Tickets, User, Warning,
} from '@element-plus/icons-vue';
import { CASEWORKERS, LEADERS, type Role } from './roles.ts';

export interface MenuPage {
  path: string;
  title: string;
  icon: Component;
  roles: readonly Role[];
  /** The page component, loaded when first opened (each page is its own chunk). */
  component: () => Promise<RouteComponent | { default: RouteComponent }>;
  /** For placeholder pages: the server endpoint the page will read once it exists. */
  endpoint?: string;
  /** One line under the title of the placeholder: what the page will do. */
  purpose?: string;
}

export interface MenuGroup {
  key: string;
  title: string;
  icon: Component;
  pages: MenuPage[];
}

const placeholder = () => import('./pages/PlaceholderPage.vue');

export const MENU: MenuGroup[] = [
  {
    key: 'process',
    title: '流程管理',
    icon: Share,
    pages: [
      { path: '/process/models', title: '流程建模', icon: Share, roles: ['process-admin'], component: () => import('./pages/process/ModelsPage.vue') },
      { path: '/process/rules', title: '规则管理', icon: Operation, roles: ['process-admin'], component: () => import('./pages/process/RulesPage.vue') },
      { path: '/process/forms', title: '表单管理', icon: EditPen, roles: ['process-admin'], component: () => import('./pages/process/FormsPage.vue') },
      {
        path: '/process/templates', title: '文书模板', icon: Document, roles: ['process-admin'], component: placeholder,
        endpoint: 'GET /api/notice-templates', purpose: '维护受理决定书、终止调解决定书、催办通知书等文书模板，注明所依据的条款。',
      },
      {
        path: '/process/calendar', title: '节假日日历', icon: Calendar, roles: ['process-admin'], component: placeholder,
        endpoint: 'GET /api/holiday-calendar', purpose: '按国务院办公厅通知录入每年的节假日与调休上班日，工作日时限据此计算。',
      },
    ],
  },
  {
    key: 'work',
    title: '工作台',
    icon: Monitor,
    pages: [
      {
        path: '/work/inbox', title: '我的待办', icon: Bell, roles: CASEWORKERS, component: placeholder,
        endpoint: 'GET /api/inbox', purpose: '本人及本部门待办的用户任务，按到期时间排序。',
      },
      {
        path: '/work/register', title: '工单登记', icon: Tickets, roles: ['dispatcher'], component: placeholder,
        endpoint: 'POST /api/tickets', purpose: '登记 12315、12345、来信、来访等各渠道的投诉、举报、咨询与建议。',
      },
      {
        path: '/work/tickets', title: '工单查询', icon: Search, roles: CASEWORKERS, component: placeholder,
        endpoint: 'GET /api/tickets', purpose: '按渠道、类别、状态、时限查询本部门及下级部门的工单。',
      },
    ],
  },
  {
    key: 'supervision',
    title: '督办监管',
    icon: DataAnalysis,
    pages: [
      {
        path: '/supervision/dashboard', title: '监管看板', icon: DataAnalysis, roles: ['supervisor', ...LEADERS], component: placeholder,
        endpoint: 'GET /api/statistics', purpose: '按部门统计按时初查率、按时办结率、调解成功率、满意率等指标并排名。',
      },
      {
        path: '/supervision/due-today', title: '今日到期', icon: Clock, roles: ['supervisor', ...LEADERS], component: placeholder,
        endpoint: 'GET /api/tickets?due=today', purpose: '今日到期的工单，需逐件电话催办，当日清零。',
      },
      {
        path: '/supervision/overdue', title: '超期督办', icon: Warning, roles: ['supervisor', ...LEADERS], component: placeholder,
        endpoint: 'GET /api/tickets?overdue=true', purpose: '已超期工单，发出催办通知书并抄送分管领导。',
      },
      {
        path: '/supervision/processes', title: '流程监控', icon: List, roles: ['supervisor', 'process-admin'], component: placeholder,
        endpoint: 'GET /api/process-instances', purpose: '运行中的流程实例、异常（incident）与各环节停留时间。',
      },
    ],
  },
  {
    key: 'admin',
    title: '系统管理',
    icon: Files,
    pages: [
      {
        path: '/admin/users', title: '用户', icon: User, roles: ['system-admin'], component: placeholder,
        endpoint: 'GET /api/admin/users', purpose: '账号、角色与所属部门，停用、解锁与重置密码。',
      },
      {
        path: '/admin/departments', title: '部门', icon: OfficeBuilding, roles: ['system-admin'], component: placeholder,
        endpoint: 'GET /api/admin/departments', purpose: '市局、区县局、市场监管所与科室的组织架构。',
      },
    ],
  },
];

export const ALL_PAGES: MenuPage[] = MENU.flatMap((group) => group.pages);

/** Whether a user with `roles` may open a page meant for `pageRoles`. */
export const canSee = (pageRoles: readonly string[], roles: readonly string[]): boolean =>
  pageRoles.some((role) => roles.includes(role));

/** The menu as one user sees it: groups without a visible page are left out. */
export function menuFor(roles: readonly string[]): MenuGroup[] {
  return MENU.map((group) => ({ ...group, pages: group.pages.filter((page) => canSee(page.roles, roles)) }))
    .filter((group) => group.pages.length > 0);
}
