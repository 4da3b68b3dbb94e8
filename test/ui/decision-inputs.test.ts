// The "试算" form of the DMN editor: fields from a table's inputs, variables from the fields.
import { expect } from 'chai';
import { buildVariables, deriveInputs, predefinedValues } from '../../admin-ui/src/editors/dmn/decision-inputs.ts';

describe('admin-ui: DMN try-it inputs', () => {
  const inputs = [
    { id: 'c', label: '事项类别', inputExpression: { text: 'category', typeRef: 'string' }, inputValues: { text: '"食品","药品"' } },
    { id: 'a', label: '涉案金额', inputExpression: { text: 'ticket.amount', typeRef: 'number' } },
    { id: 'o', label: '网购', inputExpression: { text: 'online', typeRef: 'boolean' } },
    { id: 'x', label: '天数', inputExpression: { text: 'days + 1', typeRef: 'number' } },
    { id: 'c2', inputExpression: { text: 'category', typeRef: 'string' } },
  ];

  it('makes one field per variable, with its kind and the predefined values', () => {
    const { fields, expressions } = deriveInputs(inputs);
    expect(fields.map((f) => [f.expression, f.kind, f.label])).to.deep.equal([
      ['category', 'string', '事项类别'], ['ticket.amount', 'number', '涉案金额'], ['online', 'boolean', '网购'],
    ]);
    expect(fields[0]!.options).to.deep.equal(['食品', '药品']);
    expect(expressions).to.deep.equal([{ label: '天数', expression: 'days + 1' }]);
  });

  it('builds nested variables, leaving out empty fields, over the JSON ones', () => {
    const { fields } = deriveInputs(inputs);
    const variables = buildVariables(fields, { c: '食品', a: 1200, o: '' }, { days: 3, ticket: { channel: '12315' } });
    expect(variables).to.deep.equal({ days: 3, ticket: { channel: '12315', amount: 1200 }, category: '食品' });
  });

  it('reads quoted values with escapes', () => {
    expect(predefinedValues('"a","b \\"c\\""')).to.deep.equal(['a', 'b "c"']);
    expect(predefinedValues(undefined)).to.deep.equal([]);
  });
});
