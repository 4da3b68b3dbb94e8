import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { evaluateDecision, parseDmn, type DecisionResult, type ParsedDrg } from '../../engine/dmn/index.ts';
import { ModelError } from '../../engine/model/types.ts';

const fixtures = new URL('../fixtures/dmn/', import.meta.url);

function load(name: string): Promise<ParsedDrg> {
  return parseDmn(readFileSync(new URL(name, fixtures), 'utf8'), name);
}

/** Runs a decision that must succeed and returns its output. */
function output(drg: ParsedDrg, decisionId: string, variables: Record<string, unknown>): unknown {
  const result = evaluateDecision(drg, decisionId, variables);
  expect(result.failureMessage, 'failure').to.equal(undefined);
  return result.decisionOutput;
}

function matchedRuleIds(result: DecisionResult): string[] {
  return (result.evaluatedDecisions.at(-1)?.matchedRules ?? []).map((rule) => rule.ruleId);
}

async function parseError(xml: string): Promise<ModelError> {
  try {
    await parseDmn(xml, 'rules.dmn');
  } catch (err) {
    expect(err).to.be.instanceOf(ModelError);
    return err as ModelError;
  }
  throw new Error('expected a ModelError');
}

const DMN13 = 'https://www.omg.org/spec/DMN/20191111/MODEL/';

function definitions(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="${DMN13}" id="defs" name="Rules" namespace="http://camunda.org/schema/1.0/dmn">${body}</definitions>`;
}

/** One decision table with one input and one output per rule cell given. */
function oneTable(options: { hitPolicy?: string; input?: string; entry?: string; output?: string; extra?: string }): string {
  const hitPolicy = options.hitPolicy ? ` hitPolicy="${options.hitPolicy}"` : '';
  return definitions(`
  <decision id="routing" name="Routing">
    <decisionTable id="routing_table"${hitPolicy}>
      <input id="input_category" label="Category"><inputExpression id="ie"><text>${options.input ?? 'category'}</text></inputExpression></input>
      <output id="output_department" name="department" />${options.extra ?? ''}
      <rule id="rule_food">
        <inputEntry id="e1"><text>${options.entry ?? '"food"'}</text></inputEntry>
        <outputEntry id="o1"><text>${options.output ?? '"dept A"'}</text></outputEntry>
      </rule>
    </decisionTable>
  </decision>`);
}

describe('engine/dmn', () => {
  describe('parseDmn', () => {
    it('reads the DRG, its decisions, their requirements and version tags', async () => {
      const drg = await load('required-decisions.dmn');
      expect(drg.id).to.equal('ticket_deadlines');
      expect(drg.name).to.equal('Ticket deadlines');
      expect(drg.namespace).to.equal('http://camunda.org/schema/1.0/dmn');
      expect(drg.decisions.map((d) => d.id)).to.deep.equal([
        'category',
        'base_days',
        'deadline',
        'report',
        'strict_category',
        'uses_strict',
      ]);
      const deadline = drg.decisions.find((d) => d.id === 'deadline');
      expect(deadline).to.deep.include({ name: 'Deadline', type: 'DECISION_TABLE', requiredDecisionIds: ['category', 'base_days'] });
      const baseDays = drg.decisions.find((d) => d.id === 'base_days');
      expect(baseDays).to.deep.include({ type: 'LITERAL_EXPRESSION', versionTag: '2024-regulation' });
      expect(deadline).not.to.have.property('versionTag');
    });

    it('reads files in the DMN 1.1 namespace as Zeebe does', async () => {
      const xml = oneTable({}).replace(DMN13, 'http://www.omg.org/spec/DMN/20151101/dmn.xsd');
      const drg = await parseDmn(xml, 'old.dmn');
      expect(output(drg, 'routing', { category: 'food' })).to.equal('dept A');
    });

    it('refuses what is not DMN', async () => {
      expect((await parseError('')).message).to.include('is empty');
      expect((await parseError('hello')).message).to.include('is not well-formed XML');
      const bpmn = await parseError('<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="p"/>');
      expect(bpmn.message).to.include("Resource 'rules.dmn': is not a DMN file");
      expect(bpmn.resourceName).to.equal('rules.dmn');
    });

    it('refuses unknown elements and duplicate ids, as the schema does', async () => {
      const unknown = await parseError(definitions('<decisionTabel id="x"/>'));
      expect(unknown.message).to.include('unparsable content <decisionTabel>');
      const duplicate = await parseError(
        definitions('<decision id="d"><literalExpression><text>1</text></literalExpression></decision>'.repeat(2)),
      );
      expect(duplicate.message).to.include('duplicate ID <d>');
    });

    it('refuses a decision without id', async () => {
      const err = await parseError(definitions('<decision name="无编号"><literalExpression><text>1</text></literalExpression></decision>'));
      expect(err.message).to.include("a decision named '无编号' has no id");
    });

    it('names decision, rule, input and text of an input entry that is not FEEL', async () => {
      const err = await parseError(oneTable({ entry: '&gt;= ' }));
      expect(err.elementId).to.equal('routing');
      expect(err.message).to.include("Element 'routing' (decision) in 'rules.dmn'");
      expect(err.message).to.include("rule 'rule_food' (row 1), input 'input_category'");
      expect(err.message).to.include("'>= ' is not valid FEEL unary tests");
    });

    it('names the output of an output entry that is not FEEL', async () => {
      const err = await parseError(oneTable({ output: '"dept A' }));
      expect(err.message).to.include("rule 'rule_food' (row 1), output 'output_department': '\"dept A' is not a valid FEEL expression");
    });

    it('names the input whose input expression is not FEEL, or is missing', async () => {
      expect((await parseError(oneTable({ input: 'category +' }))).message).to.include(
        "the input expression of input 'input_category' is not valid FEEL: 'category +'",
      );
      expect((await parseError(oneTable({ input: '' }))).message).to.include("input 'input_category' has no input expression");
    });

    it('refuses an invalid literal expression, and a language other than FEEL', async () => {
      const broken = await parseError(definitions('<decision id="fee"><literalExpression id="le"><text>if amount then</text></literalExpression></decision>'));
      expect(broken.elementId).to.equal('fee');
      expect(broken.message).to.include("its literal expression is not valid FEEL: 'if amount then'");
      const js = await parseError(
        definitions('<decision id="fee"><literalExpression id="le" expressionLanguage="javascript"><text>1</text></literalExpression></decision>'),
      );
      expect(js.message).to.include("is in 'javascript'; only FEEL is supported");
    });

    it('refuses an unknown hit policy and aggregation', async () => {
      expect((await parseError(oneTable({ hitPolicy: 'SOMETIMES' }))).message).to.include("unknown hit policy 'SOMETIMES'");
      const aggregation = oneTable({ hitPolicy: 'COLLECT' }).replace('hitPolicy="COLLECT"', 'hitPolicy="COLLECT" aggregation="AVG"');
      expect((await parseError(aggregation)).message).to.include("unknown aggregation 'AVG'");
    });

    it('refuses compound outputs without names, and aggregation over them', async () => {
      const unnamed = oneTable({ extra: '<output id="output_days" label="时限" />' });
      expect((await parseError(unnamed)).message).to.include("output 'output_days' ('时限') has no name");
      const summed = oneTable({ hitPolicy: 'COLLECT', extra: '<output id="output_days" name="days" />' })
        .replace('hitPolicy="COLLECT"', 'hitPolicy="COLLECT" aggregation="SUM"')
        .replace('<outputEntry id="o1"><text>"dept A"</text></outputEntry>', '<outputEntry id="o1"><text>1</text></outputEntry><outputEntry id="o2"><text>2</text></outputEntry>');
      expect((await parseError(summed)).message).to.include("hit policy 'COLLECT' with aggregator 'SUM' is not defined for compound output");
    });

    it('refuses a rule whose cells do not fit the columns', async () => {
      const err = await parseError(oneTable({ extra: '<output id="output_days" name="days" />' }));
      expect(err.message).to.include("rule 'rule_food' (row 1) has 1 output entries but the table has 2 outputs");
    });

    it('refuses BKMs, decision services, boxed contexts and imports, naming the element', async () => {
      const literal = '<decision id="d"><literalExpression><text>1</text></literalExpression></decision>';
      const bkm = await parseError(definitions(`<businessKnowledgeModel id="fee_bkm" name="Fee"/>${literal}`));
      expect(bkm.elementId).to.equal('fee_bkm');
      expect(bkm.message).to.include("Element 'fee_bkm' (businessKnowledgeModel)");
      expect(bkm.message).to.include('business knowledge models are not supported');

      const service = await parseError(definitions(`<decisionService id="svc" name="Service"/>${literal}`));
      expect(service.message).to.include("Element 'svc' (decisionService)");

      const context = await parseError(
        definitions('<decision id="ctx"><context id="c"><contextEntry><variable name="a"/><literalExpression><text>1</text></literalExpression></contextEntry></context></decision>'),
      );
      expect(context.message).to.include('its decision logic is a boxed context (<context>), which is not supported');

      const knowledge = await parseError(
        definitions('<decision id="d"><knowledgeRequirement id="kr"><requiredKnowledge href="#fee"/></knowledgeRequirement><literalExpression><text>1</text></literalExpression></decision>'),
      );
      expect(knowledge.message).to.include('knowledgeRequirement');

      const imported = await parseError(definitions(`<import namespace="http://other" name="other" importType="${DMN13}"/>${literal}`));
      expect(imported.message).to.include('DMN imports are not supported');
    });

    it('refuses a missing required decision and cycles', async () => {
      const requiring = (id: string, required: string) =>
        `<decision id="${id}"><informationRequirement id="ir_${id}"><requiredDecision href="#${required}"/></informationRequirement><literalExpression><text>1</text></literalExpression></decision>`;
      const missing = await parseError(definitions(requiring('deadline', 'category')));
      expect(missing.elementId).to.equal('deadline');
      expect(missing.message).to.include("it requires the decision 'category', which is not defined in this file");
      const cycle = await parseError(definitions(requiring('a', 'b') + requiring('b', 'c') + requiring('c', 'a')));
      expect(cycle.message).to.include('form a cycle: a -> b -> c -> a');
    });

    it('refuses a file without decisions and a decision without logic', async () => {
      expect((await parseError(definitions('<inputData id="x" name="x"/>'))).message).to.include('contains no decision');
      expect((await parseError(definitions('<decision id="empty"/>'))).message).to.include('it has no decision logic');
    });

    it('reports every problem of the resource at once', async () => {
      const xml = oneTable({ entry: '[1..', output: '"x' });
      const lines = (await parseError(xml)).message.split('\n');
      expect(lines).to.have.length(2);
      expect(lines[0]).to.include("'[1..' is not valid FEEL unary tests");
      expect(lines[1]).to.include("'\"x' is not a valid FEEL expression");
    });
  });

  describe('hit policies', () => {
    let drg: ParsedDrg;
    before(async () => {
      drg = await load('hit-policies.dmn');
    });

    it('UNIQUE: the one matching rule, null without a match', () => {
      expect(output(drg, 'unique_level', { score: 10 })).to.equal('low');
      expect(output(drg, 'unique_level', { score: 85 })).to.equal('high');
      const none = evaluateDecision(drg, 'unique_level', {});
      expect(none.decisionOutput).to.equal(null);
      expect(none.evaluatedDecisions[0].matchedRules).to.deep.equal([]);
    });

    it('UNIQUE: several matches fail, naming the rules', () => {
      const result = evaluateDecision(drg, 'unique_level', { score: 97 });
      expect(result.decisionOutput).to.equal(null);
      expect(result.failedDecisionId).to.equal('unique_level');
      expect(result.failureMessage).to.equal(
        "Expected to evaluate decision 'unique_level', but multiple values aren't allowed for UNIQUE hit policy. " +
          "found: 'List(Map(level -> ValString(high)), Map(level -> ValString(critical)))' (matched rules: 'unique_high', 'unique_critical')",
      );
      expect(matchedRuleIds(result)).to.deep.equal(['unique_high', 'unique_critical']);
    });

    it('without a hitPolicy attribute the table is UNIQUE', () => {
      expect(output(drg, 'default_policy', { score: 10 })).to.equal('any');
      expect(evaluateDecision(drg, 'default_policy', { score: 90 }).failureMessage).to.include('UNIQUE hit policy');
    });

    it('FIRST: the first matching rule only, in the result and the audit', () => {
      const result = evaluateDecision(drg, 'first_level', { score: 97 });
      expect(result.decisionOutput).to.equal('critical');
      expect(matchedRuleIds(result)).to.deep.equal(['first_critical']);
      expect(output(drg, 'first_level', { score: 85 })).to.equal('high');
      expect(output(drg, 'first_level', { score: 10 })).to.equal('normal'); // empty entry matches anything
    });

    it('PRIORITY: the match whose output comes first in the output values', () => {
      const result = evaluateDecision(drg, 'priority_level', { score: 85 });
      expect(result.decisionOutput).to.equal('high');
      expect(matchedRuleIds(result)).to.deep.equal(['priority_low', 'priority_medium', 'priority_high']);
      expect(output(drg, 'priority_level', { score: 60 })).to.equal('medium');
    });

    it('ANY: matches with equal outputs give that output', () => {
      const result = evaluateDecision(drg, 'any_level', { score: 92 });
      expect(result.decisionOutput).to.equal('high');
      expect(matchedRuleIds(result)).to.deep.equal(['any_high_a', 'any_high_b']);
    });

    it('ANY: matches with different outputs fail', () => {
      const result = evaluateDecision(drg, 'any_level', { score: 97 });
      expect(result.failedDecisionId).to.equal('any_level');
      expect(result.failureMessage).to.include("different values aren't allowed for ANY hit policy");
      expect(result.failureMessage).to.include("'any_high_a', 'any_high_b', 'any_critical'");
    });

    it('COLLECT: the outputs of all matches in rule order; null without a match, as dmn-scala', () => {
      expect(output(drg, 'collect_tags', { score: 85 })).to.deep.equal(['review', 'escalate']);
      expect(output(drg, 'collect_tags', { score: 5 })).to.deep.equal(['ignore']);
      expect(output(drg, 'collect_tags', { score: 30 })).to.equal(null);
    });

    it('COLLECT with SUM, MIN, MAX and COUNT', () => {
      expect(output(drg, 'collect_sum', { score: 97 })).to.equal(17.5);
      expect(output(drg, 'collect_min', { score: 97 })).to.equal(2.5);
      expect(output(drg, 'collect_max', { score: 97 })).to.equal(10);
      expect(output(drg, 'collect_count', { score: 97 })).to.equal(3);
      expect(output(drg, 'collect_count', { score: 85 })).to.equal(2);
      expect(output(drg, 'collect_sum', { score: 20 })).to.equal(null);
    });

    it('COLLECT SUM over a non-number fails', () => {
      const result = evaluateDecision(drg, 'collect_sum_text', { score: 1 });
      expect(result.failureMessage).to.equal(
        "Expected to evaluate decision 'collect_sum_text', but expected number but found 'ValString(ten)'",
      );
    });

    it('RULE ORDER: a list of contexts for several outputs, null for an empty cell', () => {
      expect(output(drg, 'rule_order_actions', { score: 85 })).to.deep.equal([
        { action: 'escalate', team: 'supervision' },
        { action: 'notify', team: null },
      ]);
    });

    it('OUTPUT ORDER: sorted by the output values, unlisted values last', () => {
      expect(output(drg, 'output_order_levels', { score: 85 })).to.deep.equal(['high', 'medium', 'low']);
      expect(output(drg, 'output_order_levels', { score: 92 })).to.deep.equal(['high', 'medium', 'low', 'unlisted']);
    });
  });

  describe('unary tests', () => {
    let drg: ParsedDrg;
    before(async () => {
      drg = await load('unary-tests.dmn');
    });
    const matched = (decisionId: string, variables: Record<string, unknown>) => output(drg, decisionId, variables);

    it('numbers: comparisons, ranges, lists, negation, ? expressions, variables, null', () => {
      expect(matched('number_tests', { n: 5, limit: 4 })).to.deep.equal(['=5', '[1..5]', ']1..5]', 'not(1,2,3)', '>=limit', '-']);
      expect(matched('number_tests', { n: 3, limit: 4 })).to.deep.equal(['<=3', '[1..5]', '(1..5)', ']1..5]', '1,2,3', '-']);
      expect(matched('number_tests', { n: 1, limit: 4 })).to.deep.equal(['<3', '<=3', '[1..5]', '1,2,3', '-']);
      expect(matched('number_tests', { n: 150, limit: 200 })).to.deep.equal(['>10', 'not(1,2,3)', 'not([1..5])', 'mixed', '?-expr', '-']);
      expect(matched('number_tests', { n: 42, limit: 4 })).to.include('mixed');
      expect(matched('number_tests', { n: -1, limit: 4 })).to.include('mixed');
    });

    it('a value of another type matches no comparison or range (FEEL gives null)', () => {
      expect(matched('number_tests', { n: 'abc', limit: 4 })).to.deep.equal(['not(1,2,3)', '-']);
      expect(matched('string_tests', { s: 'abc' })).not.to.include('>=18');
      expect(matched('string_tests', { s: 20 })).to.include('>=18');
    });

    it('a missing input matches null and negated lists, but no comparison', () => {
      const result = matched('number_tests', { limit: 4 }) as string[];
      expect(result).to.include.members(['null', 'not(1,2,3)', '-']);
      expect(result).not.to.include.members(['<3', '[1..5]', 'not([1..5])']);
    });

    it('strings: equality, lists, negation, functions on ?, ordering', () => {
      expect(matched('string_tests', { s: '食品' })).to.deep.equal(['=食品', '食品|药品']);
      expect(matched('string_tests', { s: '药品' })).to.deep.equal(['食品|药品', 'not(食品)']);
      expect(matched('string_tests', { s: '110101' })).to.deep.equal(['not(食品)', 'starts 11', '<m']);
      expect(matched('string_tests', { s: 'z' })).to.deep.equal(['not(食品)']);
    });

    it('dates: comparisons, ranges, @-literals, equality and today() on the injected clock', () => {
      const feel = { now: () => new Date('2024-06-15T08:00:00Z') };
      const dates = (received: string) => evaluateDecision(drg, 'date_tests', { received }, feel).decisionOutput;
      expect(dates('2023-05-05')).to.deep.equal(['before 2024']);
      expect(dates('2024-03-01')).to.deep.equal(['in 2024']);
      expect(dates('2024-10-01')).to.deep.equal(['in 2024', 'national day', 'future']);
      expect(dates('2025-03-01')).to.deep.equal(['from 2025', 'future']);
      // a date is not equal to the string of its day
      expect(dates('2024-10-01')).not.to.include('string equal');
    });

    it('a rule matches only when every input entry does', () => {
      expect(matched('two_inputs', { amount: 2000, channel: '12315' })).to.equal('big via 12315');
      expect(matched('two_inputs', { amount: 2000, channel: '12345' })).to.equal('big');
      expect(matched('two_inputs', { amount: 20, channel: '12315' })).to.equal('small');
    });
  });

  describe('literal expressions', () => {
    let drg: ParsedDrg;
    before(async () => {
      drg = await load('literal.dmn');
    });

    it('evaluates FEEL over the variables', () => {
      expect(output(drg, 'greeting', { name: '张三' })).to.equal('您好，张三');
      const result = evaluateDecision(drg, 'greeting', { name: '张三' });
      expect(result.evaluatedDecisions).to.deep.equal([
        {
          decisionId: 'greeting',
          decisionName: 'Greeting',
          decisionType: 'LITERAL_EXPRESSION',
          decisionOutput: '您好，张三',
          evaluatedInputs: [],
          matchedRules: [],
        },
      ]);
    });

    it('writes temporal values as Zeebe does', () => {
      expect(output(drg, 'deadline', { received: '2024-01-01' })).to.equal('2024-01-16');
      expect(output(drg, 'elapsed', { opened: '2024-01-01T08:00:00', closed: '2024-01-02T10:00:00' })).to.equal('P1DT2H');
      expect(output(drg, 'received_at', {})).to.equal('2024-01-01T10:00:00+08:00[Asia/Shanghai]');
      expect(output(drg, 'local_values', {})).to.deep.equal({
        local: '2024-01-01T10:00:00',
        utc: '2024-01-01T10:00:00Z',
        offset: '2024-01-01T10:00:00+08:00',
        halfPast: '10:30',
        precise: '12:00:00.250',
        months: 'P1Y2M',
        none: 'P0D',
      });
    });

    it('returns contexts and lists as objects and arrays', () => {
      expect(output(drg, 'summary', { items: [1, 2] })).to.deep.equal({ size: 2, total: 3, several: true, items: [1, 2] });
    });

    it('a missing variable is null, not a failure (FEEL is null-friendly)', () => {
      expect(output(drg, 'missing_variable', {})).to.equal(null);
    });

    it('now() and today() read the injected clock', () => {
      const at = Date.UTC(2024, 5, 1, 8, 0, 0);
      const result = evaluateDecision(drg, 'clock', {}, { now: () => at });
      expect(result.decisionOutput).to.deep.equal({ now: '2024-06-01T08:00:00Z', today: '2024-06-01' });
    });

    it("a result that is not of the variable's typeRef fails", () => {
      const result = evaluateDecision(drg, 'wrong_type', {});
      expect(result.failedDecisionId).to.equal('wrong_type');
      expect(result.failureMessage).to.equal("Expected to evaluate decision 'wrong_type', but expected 'number' but found 'ValString(abc)'");
      expect(result.evaluatedDecisions).to.have.length(1);
    });
  });

  describe('required decisions', () => {
    let drg: ParsedDrg;
    before(async () => {
      drg = await load('required-decisions.dmn');
    });
    const variables = { complaintType: '药品', isHoliday: false, received: '2024-03-01' };

    it('evaluates required decisions first and records them before the called one', () => {
      const result = evaluateDecision(drg, 'report', variables);
      expect(result.decisionOutput).to.equal('办结期限：2024-03-11');
      expect(result.evaluatedDecisions.map((d) => d.decisionId)).to.deep.equal(['category', 'base_days', 'deadline', 'report']);
      expect(result.evaluatedDecisions.map((d) => d.decisionOutput)).to.deep.equal([
        'drug',
        15,
        { days: 10, received: '2024-03-01' },
        '办结期限：2024-03-11',
      ]);
    });

    it("sees a table's result under its decision id and a literal's under its variable name", () => {
      expect(output(drg, 'deadline', { ...variables, isHoliday: true })).to.deep.equal({ days: 15, received: '2024-03-01' });
      expect(output(drg, 'deadline', { ...variables, complaintType: '食品' })).to.deep.equal({ days: 15, received: '2024-03-01' });
    });

    it('records inputs and matched rules of each table', () => {
      const result = evaluateDecision(drg, 'deadline', variables);
      const [category, , deadline] = result.evaluatedDecisions;
      expect(category.evaluatedInputs).to.deep.equal([{ inputId: 'category_type', inputName: 'Complaint type', inputValue: '药品' }]);
      expect(category.matchedRules).to.deep.equal([
        { ruleId: 'category_drug', ruleIndex: 2, evaluatedOutputs: [{ outputId: 'category_out', outputName: 'category', outputValue: 'drug' }] },
      ]);
      expect(deadline.matchedRules[0].evaluatedOutputs).to.deep.equal([
        { outputId: 'deadline_days', outputName: 'days', outputValue: 10 },
        { outputId: 'deadline_start', outputName: 'received', outputValue: '2024-03-01' },
      ]);
    });

    it('a failing required decision fails the called one and is named', () => {
      const result = evaluateDecision(drg, 'uses_strict', { complaintType: '食品' });
      expect(result.decisionOutput).to.equal(null);
      expect(result.failedDecisionId).to.equal('strict_category');
      expect(result.failureMessage).to.match(/^Expected to evaluate decision 'uses_strict', but multiple values aren't allowed/);
      expect(result.evaluatedDecisions.map((d) => d.decisionId)).to.deep.equal(['strict_category']);
      expect(result.evaluatedDecisions[0].decisionOutput).to.equal(null);
      expect(output(drg, 'uses_strict', { complaintType: '药品' })).to.equal('category: other');
    });

    it('an unknown decision id is a failure, not an exception', () => {
      const result = evaluateDecision(drg, 'nope', {});
      expect(result).to.deep.equal({
        decisionId: 'nope',
        decisionOutput: null,
        evaluatedDecisions: [],
        failedDecisionId: 'nope',
        failureMessage: "Expected to evaluate decision 'nope', but no decision found for 'nope'",
      });
    });
  });

  describe('complaint routing (投诉举报分派)', () => {
    let drg: ParsedDrg;
    before(async () => {
      drg = await load('routing-zh.dmn');
    });
    const route = (category: string, regionCode: string, amount: number) => evaluateDecision(drg, 'complaint_routing', { category, regionCode, amount });

    it('routes by category, region code and amount to a department with a deadline', () => {
      expect(route('食品药品安全', '310101', 200000).decisionOutput).to.deep.equal({ department: '市市场监督管理局执法总队', deadlineDays: 5 });
      expect(route('食品药品安全', '310104', 500).decisionOutput).to.deep.equal({ department: '区市场监督管理局食品药品安全科', deadlineDays: 7 });
      expect(route('价格收费', '310105', 0).decisionOutput).to.deep.equal({ department: '区市场监督管理局价格监督检查科', deadlineDays: 10 });
      expect(route('特种设备', '320100', 0).decisionOutput).to.deep.equal({ department: '区市场监督管理局消费者权益保护科', deadlineDays: 15 });
      expect(route('食品药品安全', '320100', 0).decisionOutput).to.deep.equal({ department: '市12315指挥中心', deadlineDays: 15 });
    });

    it('records the Chinese labels as input names and the matched rule', () => {
      const decision = route('价格收费', '310105', 0).evaluatedDecisions[0];
      expect(decision.decisionName).to.equal('投诉举报分派');
      expect(decision.evaluatedInputs.map((i) => i.inputName)).to.deep.equal(['事项类别', '行政区划代码', '涉案金额（元）']);
      expect(decision.matchedRules).to.deep.equal([
        {
          ruleId: 'rule_price',
          ruleIndex: 3,
          evaluatedOutputs: [
            { outputId: 'routing_department', outputName: 'department', outputValue: '区市场监督管理局价格监督检查科' },
            { outputId: 'routing_deadline', outputName: 'deadlineDays', outputValue: 10 },
          ],
        },
      ]);
    });

    it('collects the departments to copy in rule order', () => {
      expect(output(drg, 'copy_to', { category: '食品药品安全', reopenCount: 3 })).to.deep.equal(['卫生健康委员会', '督查室']);
      expect(output(drg, 'copy_to', { category: '计量', reopenCount: 0 })).to.equal(null);
    });
  });
});
