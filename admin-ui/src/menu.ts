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
  /** Only for users whose scope is the whole organisation (its API routes have scope 'organisation'). */
  wholeOrganisation?: boolean;
}

export interface MenuGroup {
  key: string;
  title: string;
  icon: Component;
  pages: MenuPage[];
}

export const MENU: MenuGroup[] = [
  {
    key: 'process',
    title: '流程管理',
    icon: Share,
    pages: [
      { path: '/process/models', title: '流程建模', icon: Share, roles: ['process-admin'], component: () => import('./pages/process/ModelsPage.vue') },
      { path: '/process/rules', title: '规则管理', icon: Operation, roles: ['process-admin'], component: () => import('./pages/process/RulesPage.vue') },
      { path: '/process/forms', title: '表单管理', icon: EditPen, roles: ['process-admin'], component: () => import('./pages/process/FormsPage.vue') },
      { path: '/process/templates', title: '文书模板', icon: Document, roles: ['process-admin'], component: () => import('./pages/process/TemplatesPage.vue') },
      { path: '/process/calendar', title: '节假日日历', icon: Calendar, roles: ['process-admin'], component: () => import('./pages/process/CalendarPage.vue') },
    ],
  },
  {
    key: 'work',
    title: '工作台',
    icon: Monitor,
    pages: [
      { path: '/work/inbox', title: '我的待办', icon: Bell, roles: CASEWORKERS, component: () => import('./pages/work/InboxPage.vue') },
      { path: '/work/register', title: '工单登记', icon: Tickets, roles: ['dispatcher'], component: () => import('./pages/work/RegisterPage.vue') },
      { path: '/work/tickets', title: '工单查询', icon: Search, roles: CASEWORKERS, component: () => import('./pages/work/TicketsPage.vue') },
    ],
  },
  {
    key: 'supervision',
    title: '督办监管',
    icon: DataAnalysis,
    pages: [
      {
        path: '/supervision/dashboard', title: '监管看板', icon: DataAnalysis, roles: ['supervisor', ...LEADERS],
        component: () => import('./pages/supervision/DashboardPage.vue'),
      },
      { path: '/supervision/due-today', title: '今日到期', icon: Clock, roles: ['supervisor', ...LEADERS], component: () => import('./pages/supervision/DueTodayPage.vue') },
      { path: '/supervision/overdue', title: '超期督办', icon: Warning, roles: ['supervisor', ...LEADERS], component: () => import('./pages/supervision/OverduePage.vue') },
      { path: '/supervision/processes', title: '流程监控', icon: List, roles: ['supervisor', 'process-admin'], wholeOrganisation: true, component: () => import('./pages/supervision/ProcessesPage.vue') },
    ],
  },
  {
    key: 'admin',
    title: '系统管理',
    icon: Files,
    pages: [
      { path: '/admin/users', title: '用户', icon: User, roles: ['system-admin'], component: () => import('./pages/admin/UsersPage.vue') },
      { path: '/admin/departments', title: '部门', icon: OfficeBuilding, roles: ['system-admin'], component: () => import('./pages/admin/DepartmentsPage.vue') },
    ],
  },
];

export const ALL_PAGES: MenuPage[] = MENU.flatMap((group) => group.pages);

/** Who looks at the menu. */
export interface Viewer {
  roles: readonly string[];
  /** The user's scope is the whole organisation (the 市局). */
  wholeOrganisation: boolean;
}

/** Whether a user may open a page meant for `page.roles` (and only the 市局's, if so marked). */
export const canSee = (page: { roles: readonly string[]; wholeOrganisation?: boolean }, viewer: Viewer): boolean =>
  page.roles.some((role) => viewer.roles.includes(role)) && (!page.wholeOrganisation || viewer.wholeOrganisation);

/** The menu as one user sees it: groups without a visible page are left out. */
export function menuFor(viewer: Viewer): MenuGroup[] {
  return MENU.map((group) => ({ ...group, pages: group.pages.filter((page) => canSee(page, viewer)) }))
    .filter((group) => group.pages.length > 0);
}
