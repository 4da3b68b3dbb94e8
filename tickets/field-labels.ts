// zh-CN names of the submission's fields, for error messages and CSV headers.

export const FIELD_LABELS: Record<string, string> = {
  '/channel': '渠道',
  '/externalNo': '外部工单编号',
  '/kind': '类型',
  '/receivedAt': '收到时间',
  '/registeredBy': '登记人',
  '/complainant': '投诉举报人信息',
  '/complainant/name': '投诉举报人姓名',
  '/complainant/phone': '联系电话',
  '/complainant/idType': '证件类型',
  '/complainant/idNumber': '证件号码',
  '/complainant/address': '联系地址',
  '/complainant/consentPublish': '是否同意公示',
  '/complainant/consentMediation': '是否同意委托调解',
  '/complainant/anonymous': '是否匿名',
  '/respondent': '被投诉举报对象',
  '/respondent/name': '被投诉举报对象名称',
  '/respondent/uscc': '统一社会信用代码',
  '/respondent/address': '被投诉举报对象地址',
  '/respondent/regionCode': '行政区划代码',
  '/respondent/platform': '网络交易平台',
  '/respondent/shop': '网店名称',
  '/facts': '事实',
  '/facts/occurredAt': '发生时间',
  '/facts/place': '发生地点',
  '/facts/goodsOrService': '商品或服务',
  '/facts/amount': '涉案金额',
  '/facts/description': '问题描述',
  '/requests': '诉求',
  '/requests/*': '诉求',
  '/category': '问题类别',
  '/goodsClass': '商品服务分类',
  '/online': '是否网络交易',
  '/odrChosen': '是否选择在线纠纷解决（ODR）',
  '/attachments': '附件',
  '/attachments/*': '附件',
  '/attachments/*/name': '附件名称',
  '/attachments/*/url': '附件地址',
  '/attachments/*/sha256': '附件校验值',
};

export function labelOf(path: string): string {
  return FIELD_LABELS[path] ?? FIELD_LABELS[path.replace(/\/\d+(?=\/|$)/g, '/*')] ?? path;
}

/** Labels of enum values users pick from. */
export const VALUE_LABELS: Record<string, Record<string, string>> = {
  '/channel': { '12315': '12315平台/热线', '12345': '12345热线', letter: '来信', visit: '来访', online: '网上', odr: 'ODR企业' },
  '/kind': { complaint: '投诉', report: '举报', inquiry: '咨询', suggestion: '建议', mixed: '投诉举报（拆分为投诉和举报）' },
  '/complainant/idType': {
    resident_id: '居民身份证', residence_permit: '港澳台居民居住证', passport: '护照', hk_macao_pass: '港澳居民来往内地通行证',
    taiwan_pass: '台湾居民来往大陆通行证', foreign_permanent: '外国人永久居留身份证', other: '其他证件',
  },
  '/requests/*': { repair: '修理', replace: '更换', return: '退货', refund: '退款', compensation: '赔偿', other: '其他' },
};
