// The demo organisation created on first start: the city bureau of 济南 (370100) with its
// 12315 centre, divisions, enforcement detachment and hotline service centre, and three
// district/county bureaus with their sections, brigades and 市场监管所; one account per
// role. The codes are those of the demo rules and forms in processes/ (routing.dmn):
// a bureau's code is its region code, a unit's code starts with its bureau's, and BPMN
// candidate groups name them (dept:370102-DL, dept:370100:role:legal).
import type { Role } from '../access/roles.ts';
import type { DepartmentKind } from './department-kinds.ts';

export interface DemoDepartment {
  code: string;
  name: string;
  kind: DepartmentKind;
  parent?: string;
}

export const DEMO_DEPARTMENTS: readonly DemoDepartment[] = [
  { code: '370100', name: '济南市市场监督管理局', kind: 'city-bureau' },
  { code: '370100-12315', name: '12315 投诉举报指挥中心', kind: 'command-centre', parent: '370100' },
  { code: '370100-XBC', name: '市局消费者权益保护处', kind: 'section', parent: '370100' },
  { code: '370100-WJC', name: '市局网络交易监督管理处', kind: 'section', parent: '370100' },
  { code: '370100-JGC', name: '市局价格监督检查和反不正当竞争处', kind: 'section', parent: '370100' },
  { code: '370100-FGC', name: '市局政策法规处', kind: 'section', parent: '370100' },
  { code: '370100-ZD', name: '市局综合行政执法支队', kind: 'brigade', parent: '370100' },
  { code: '370100-RXZX', name: '执法大队热线服务中心', kind: 'hotline-centre', parent: '370100-ZD' },
  { code: '370102', name: '济南市历下区市场监督管理局', kind: 'district-bureau', parent: '370100' },
  { code: '370102-XBK', name: '历下区局消费者权益保护科', kind: 'section', parent: '370102' },
  { code: '370102-ZFDD', name: '历下区局综合行政执法大队', kind: 'brigade', parent: '370102' },
  { code: '370102-DL', name: '甸柳市场监管所', kind: 'station', parent: '370102' },
  { code: '370102-YJ', name: '姚家市场监管所', kind: 'station', parent: '370102' },
  { code: '370115', name: '济南市济阳区市场监督管理局', kind: 'district-bureau', parent: '370100' },
  { code: '370115-XBK', name: '济阳区局消费者权益保护科', kind: 'section', parent: '370115' },
  { code: '370115-ZFDD', name: '济阳区局综合行政执法大队', kind: 'brigade', parent: '370115' },
  { code: '370115-JY', name: '济阳市场监管所', kind: 'station', parent: '370115' },
  { code: '370115-JB', name: '济北市场监管所', kind: 'station', parent: '370115' },
  { code: '370126', name: '商河县市场监督管理局', kind: 'district-bureau', parent: '370100' },
  { code: '370126-XBK', name: '商河县局消费者权益保护科', kind: 'section', parent: '370126' },
  { code: '370126-ZFDD', name: '商河县局综合行政执法大队', kind: 'brigade', parent: '370126' },
  { code: '370126-XS', name: '许商市场监管所', kind: 'station', parent: '370126' },
];

export interface DemoAccount {
  login: string;
  displayName: string;
  department: string;
  roles: Role[];
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { login: 'dengji', displayName: '登记员 李敏', department: '370100-12315', roles: ['dispatcher'] },
  { login: 'chengban', displayName: '承办人 王强', department: '370102-DL', roles: ['handler'] },
  { login: 'fazhi', displayName: '法制审核 赵静', department: '370100-FGC', roles: ['legal'] },
  { login: 'fenguan', displayName: '分管领导 陈卫国', department: '370100', roles: ['deputy-leader'] },
  { login: 'zhuyao', displayName: '主要领导 周建华', department: '370100', roles: ['principal-leader'] },
  { login: 'rexian', displayName: '热线服务中心 孙丽', department: '370100-RXZX', roles: ['hotline-centre'] },
  { login: 'duban', displayName: '督办员 吴芳', department: '370100-12315', roles: ['supervisor'] },
  { login: 'liucheng', displayName: '流程管理员 郑涛', department: '370100', roles: ['process-admin'] },
  { login: 'admin', displayName: '系统管理员', department: '370100', roles: ['system-admin'] },
];

/** Without the demo: one bureau and its administrator, who builds the rest. */
export const BOOTSTRAP_DEPARTMENT: DemoDepartment = { code: 'bureau', name: '市场监督管理局', kind: 'city-bureau' };
export const BOOTSTRAP_ACCOUNT: DemoAccount = { login: 'admin', displayName: '系统管理员', department: 'bureau', roles: ['system-admin'] };
