// The Chinese sentences for @camunda/linting's English problem messages.
import { expect } from 'chai';
import { translateLintMessage, translateLintSentence } from '../../admin-ui/src/editors/bpmn/lint-messages.ts';
import { elementTypeZh } from '../../admin-ui/src/i18n/bpmn-types.ts';

describe('admin-ui: problem messages in Chinese', () => {
  it('names element types the way bpmn-js composes them', () => {
    expect(elementTypeZh('Service Task')).to.equal('服务任务');
    expect(elementTypeZh('Message Start Event')).to.equal('消息开始事件');
    expect(elementTypeZh('Timer Boundary Event (Non Interrupting)')).to.equal('定时器边界事件（非中断）');
    expect(elementTypeZh('Undefined Intermediate Throw Event')).to.equal('空白中间抛出事件');
    expect(elementTypeZh('Frobnicator')).to.equal(undefined);
  });

  const cases: Array<[string, string]> = [
    ['A <Service Task> must have a <Task definition type>', '「服务任务」必须设置「任务定义类型（job type）」'],
    ['A <Business Rule Task> with <Implementation: DMN decision> must have a defined <Called decision ID>',
      '带有「实现方式：DMN 决策」的「业务规则任务」必须设置「被调用决策编号」'],
    ['A <User Task> with <Multi-instance marker> and defined <Output collection> must have a defined <Output element>',
      '带有「多实例标记」且已设置「输出集合」的「用户任务」必须设置「输出元素」'],
    ['A <Sequence Flow> must have a defined <Condition expression> or be the default <Sequence Flow>',
      '「顺序流」必须设置「条件表达式」，或设为默认「顺序流」'],
    ['A <Complex Gateway> is not supported by Camunda 8.8', 'Camunda 8.8 不支持「复杂网关」'],
    ['A <Message Boundary Event> in a <Transaction> is only supported by Camunda 8.9 or newer',
      '「事务子流程」中的「消息边界事件」需要 Camunda 8.9 及以上版本才支持'],
    ['An <Inclusive Gateway> with more than one incoming <Sequence Flow> is not supported by Camunda 8.0',
      'Camunda 8.0 不支持有多条传入「顺序流」的「包容网关」'],
    ['One <Process> must be <Executable>', '至少一个「流程」必须设为「可执行」'],
    ['A <Timer Start Event> <Time cycle> must be an expression, an ISO 8601 repeating interval, or a cron expression',
      '「定时器开始事件」的「循环」必须是表达式、ISO 8601 重复间隔或 cron 表达式'],
    ['A <Receive Task> cannot be the target of an <Event-Based Gateway>', '「接收任务」不能作为「事件网关」的目标'],
  ];
  for (const [english, chinese] of cases) {
    it(english, () => expect(translateLintSentence(english)).to.equal(chinese));
  }

  it('keeps an unknown sentence beside a Chinese summary of its rule', () => {
    expect(translateLintMessage('Something new happened', 'bpmnlint/no-duplicate-sequence-flows'))
      .to.deep.equal({ text: '存在重复的顺序流', original: 'Something new happened' });
    expect(translateLintMessage('Something new happened', 'camunda-compat/brand-new-rule').text).to.equal('模型检查未通过（规则 brand-new-rule）');
  });
});
