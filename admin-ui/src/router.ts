// Routes: the login page, the standalone editors, and the shell whose pages come from the
// menu table. The guard asks the server who is signed in (once) and keeps each page to the
// roles of its menu entry. The server checks roles again on every API call: the guard only
// keeps people from pages they cannot use.
import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';
import { ALL_PAGES, canSee, menuFor } from './menu.ts';
import { CASEWORKERS } from './roles.ts';
import { useSession } from './stores/session.ts';

declare module 'vue-router' {
  interface RouteMeta {
    title?: string;
    /** Reachable without signing in. */
    public?: boolean;
    roles?: readonly string[];
    /** Only for users whose scope is the whole organisation. */
    wholeOrganisation?: boolean;
  }
}

export const APP_TITLE = '投诉举报处置平台';

const shellChildren: RouteRecordRaw[] = [
  { path: '', name: 'home', component: () => import('./pages/HomePage.vue'), meta: { title: '首页' } },
  ...ALL_PAGES.map((page): RouteRecordRaw => ({
    path: page.path.slice(1),
    component: page.component,
    meta: { title: page.title, roles: page.roles, wholeOrganisation: page.wholeOrganisation },
  })),
  // Opened from lists and the inbox, not from the menu: the roles of 工单查询.
  { path: 'work/tickets/:id', name: 'ticket', component: () => import('./pages/work/TicketPage.vue'), meta: { title: '工单详情', roles: CASEWORKERS } },
  { path: '403', name: 'forbidden', component: () => import('./pages/ForbiddenPage.vue'), meta: { title: '无权访问' } },
  { path: ':rest(.*)*', name: 'not-found', component: () => import('./pages/NotFoundPage.vue'), meta: { title: '页面不存在' } },
];

const routes: RouteRecordRaw[] = [
  { path: '/login', name: 'login', component: () => import('./pages/LoginPage.vue'), meta: { title: '登录', public: true } },
  { path: '/password', name: 'password', component: () => import('./pages/PasswordPage.vue'), meta: { title: '修改密码' } },
  // The editors without the shell: they work in the browser alone (open a file, edit, lint,
  // save a file), so a process administrator can draft without a server session.
  { path: '/editor/bpmn', component: () => import('./pages/standalone/StandaloneBpmn.vue'), meta: { title: '流程建模', public: true } },
  { path: '/editor/dmn', component: () => import('./pages/standalone/StandaloneDmn.vue'), meta: { title: '规则编辑', public: true } },
  { path: '/editor/form', component: () => import('./pages/standalone/StandaloneForm.vue'), meta: { title: '表单设计', public: true } },
  // The public disclosure (投诉公示): for citizens, without the shell or a session.
  { path: '/public/disclosure', component: () => import('./pages/public/DisclosurePage.vue'), meta: { title: '投诉公示', public: true } },
  { path: '/', component: () => import('./layout/AppLayout.vue'), children: shellChildren },
];

export const router = createRouter({ history: createWebHistory('/'), routes });

/** Where 登录 / 修改密码 go on to: the `redirect` the guard below set, only a path of this app (never "//host/…"). */
export const redirectTarget = (asked: unknown) => (typeof asked === 'string' && asked.startsWith('/') && !asked.startsWith('//') ? asked : '/');

router.beforeEach(async (to) => {
  if (to.meta.public) return true;
  const session = useSession();
  await session.load();
  if (!session.signedIn) return { name: 'login', query: to.fullPath === '/' ? {} : { redirect: to.fullPath } };
  // The server refuses everything else until a password an administrator set is changed.
  if (session.user?.mustChangePassword && to.name !== 'password') return { name: 'password', query: to.fullPath === '/' ? {} : { redirect: to.fullPath } };
  const viewer = { roles: session.roles, wholeOrganisation: session.wholeOrganisation };
  if (to.name === 'home') {
    // Straight to the first page of the user's menu.
    const first = menuFor(viewer)[0]?.pages[0];
    if (first) return { path: first.path, replace: true };
  }
  if (to.meta.roles && !canSee({ roles: to.meta.roles, wholeOrganisation: to.meta.wholeOrganisation }, viewer)) {
    return { name: 'forbidden', query: { from: to.fullPath } };
  }
  return true;
});

router.afterEach((to) => {
  document.title = to.meta.title ? `${to.meta.title} - ${APP_TITLE}` : APP_TITLE;
});
