// Chinese names of the ticket API's codes. The values are the server's (tickets/types.ts,
// tickets/field-labels.ts, tickets/status.ts); kept here as data because the browser bundle
// must not import server code.

export const CHANNELS: Record<string, string> = {
  '12315': '12315平台/热线', '12345': '12345热线', letter: '来信', visit: '来访', online: '网上', odr: 'ODR企业',
};

export const KINDS: Record<string, string> = { complaint: '投诉', report: '举报', inquiry: '咨询', suggestion: '建议' };
/** What registration accepts besides the kinds: a mixed submission becomes a complaint and a report. */
export const SUBMISSION_KINDS: Record<string, string> = { ...KINDS, mixed: '投诉举报（拆分为投诉和举报）' };

export const CATEGORIES = ['食品药品安全', '产品质量', '价格违法', '虚假宣传', '预付卡消费', '其他'] as const;

export const ID_TYPES: Record<string, string> = {
  resident_id: '居民身份证', residence_permit: '港澳台居民居住证', passport: '护照', hk_macao_pass: '港澳居民来往内地通行证',
  taiwan_pass: '台湾居民来往大陆通行证', foreign_permanent: '外国人永久居留身份证', other: '其他证件',
};

export const REQUESTS: Record<string, string> = { repair: '修理', replace: '更换', return: '退货', refund: '退款', compensation: '赔偿', other: '其他' };

export const STATUSES: Record<string, string> = {
  registered: '已登记', dispatched: '已分派', returned: '已退回分派', accepted: '已受理', rejected: '不予受理',
  odr: '企业自行和解中', 'odr-settled': '企业和解成功', mediating: '调解中', agreed: '已达成调解协议', terminated: '已终止调解',
  verifying: '核查中', 'case-clue': '线索核查中', filed: '已立案', 'not-filed': '不予立案', converted: '已转立案', consulting: '会商中',
  replied: '已答复', visiting: '待回访', reopened: '重办中', merged: '已并案', 'not-handled': '重复举报不再处理', withdrawn: '已撤诉',
  voided: '已作废', closed: '已办结',
};
/** Statuses after which a ticket is no longer open. */
export const FINAL_STATUSES = new Set(['rejected', 'not-filed', 'merged', 'not-handled', 'withdrawn', 'voided', 'closed']);

export const FLAGS: Record<string, string> = {
  professionalClaimant: '职业索赔', repeatComplainant: '重复投诉', online: '网络交易', odrChosen: '选择ODR',
};

/** Time-limited steps (processes/time-limits.dmn). */
export const STEPS: Record<string, string> = {
  'complaint.accept': '投诉受理', 'complaint.mediate': '投诉调解', 'complaint.notify': '投诉告知', 'complaint.verify': '投诉核查',
  'report.notify': '举报告知', 'report.verify': '举报核查', 'case.clue': '线索核查', 'case.create': '立案', 'case.decide': '处罚决定',
  'case.close': '结案', 'case.open': '诉转案', 'case.publish': '公示', 'case.statement': '陈述申辩',
};

export const AUDIT_ACTIONS: Record<string, string> = {
  'ticket.registered': '登记工单', 'ticket.enriched': '自动研判（分派、职业索赔、重复投诉）', 'ticket.status': '状态变更',
  'ticket.sentBack': '退回', 'ticket.reopened': '重办', 'ticket.personalDataViewed': '查看个人信息', 'deadline.computed': '计算办理时限',
  'notice.issued': '出具文书', 'notice.viewed': '查看文书', 'notification.sent': '发送提醒', 'hotline.replied': '答复12345平台',
  satisfaction: '满意度回访', 'case.clueFound': '发现案件线索', 'case.created': '立案', 'case.closed': '结案', 'case.published': '公示',
};

export const LINK_KINDS: Record<string, string> = { merged: '并案', split: '拆分', duplicate: '重复', converted: '诉转案' };

/** Who did it, from the audit's actor ('user:<id>', 'worker:<job>', 'intake:<channel>', 'process:<id>'). */
export function actorLabel(actor: string): string {
  const [kind, rest = ''] = actor.split(/:(.*)/s);
  if (kind === 'user') return '工作人员';
  if (kind === 'worker') return `系统（${rest}）`;
  if (kind === 'intake') return `受理渠道（${CHANNELS[rest] ?? rest}）`;
  if (kind === 'process') return `流程（${rest}）`;
  return actor;
}

export const label = (table: Record<string, string>, code: string | null | undefined): string => (code ? table[code] ?? code : '—');
