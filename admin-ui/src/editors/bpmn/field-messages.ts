// Chinese for the short messages @camunda/linting shows at a field of the properties panel
// ("Type must be defined."), sent with the propertiesPanel.setErrors event.
import { ZH_CN_PROPERTIES } from '../../i18n/zh-cn-properties.ts';
import { termZh } from './lint-messages.ts';

const FIXED: Record<string, string> = {
  'Must be defined.': '必须填写。',
  'Must be unique.': '必须唯一。',
  'Must be checked.': '必须勾选。',
  'Must wait for completion.': '必须等待完成。',
  'Cannot be an expression.': '不能是表达式。',
  'Unparsable FEEL expression.': '无法解析的 FEEL 表达式。',
  'One process must be executable.': '至少一个流程必须设为可执行。',
  'Process must be executable.': '流程必须设为可执行。',
  'Must be an expression, an ISO 8601 repeating interval, or a cron expression (cron only supported by Camunda 8.1 or newer).':
    '必须是表达式、ISO 8601 重复间隔或 cron 表达式（cron 需要 Camunda 8.1 及以上版本）。',
  'Must be an expression, an ISO 8601 repeating interval, or a cron expression.': '必须是表达式、ISO 8601 重复间隔或 cron 表达式。',
  'Must be an expression, or an ISO 8601 date.': '必须是表达式或 ISO 8601 日期。',
  'Must be an expression, or an ISO 8601 interval.': '必须是表达式或 ISO 8601 时长。',
  'Must be an ISO 8601 date.': '必须是 ISO 8601 日期。',
  'Must be an expression, or an integer between 0 and 100.': '必须是表达式或 0 到 100 之间的整数。',
  'Secret reference must be an expression, not a string literal.': '密钥引用必须是表达式，不能是字符串。',
  'Secret reference must not be nested in a list.': '密钥引用不能放在列表中。',
  'Secret reference must not be nested in an if branch.': '密钥引用不能放在 if 分支中。',
  'Business ID must be shorter than 256 characters.': '业务编号不能超过 255 个字符。',
};

const fieldZh = (name: string): string => {
  const term = termZh(name);
  if (term !== name) return term;
  return ZH_CN_PROPERTIES[name] ?? name;
};

export function translateFieldMessage(message: string): string {
  if (FIXED[message]) return FIXED[message];
  let m = /^(.+) must be defined\.$/.exec(message);
  if (m) return `必须填写「${fieldZh(m[1]!)}」。`;
  m = /^Empty variable assignment is only supported by (.+) or newer\.$/.exec(message);
  if (m) return `空赋值需要 ${m[1]} 及以上版本才支持。`;
  return message;
}
