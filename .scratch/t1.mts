import { parseExpression, parseUnaryTests, evaluate, unaryTest } from 'feelin';
for (const e of ['a + ', 'a > 1', '"x"', '[1..2]', 'foo(', '1 1', 'date("2020-01-01")', 'not(1,2)']) {
  try { parseExpression(e, {}, undefined); console.log('ok expr', e); } catch (err) { console.log('err expr', e, (err as Error).message); }
  try { parseUnaryTests(e, {}, undefined); console.log('ok ut', e); } catch (err) { console.log('err ut', e, (err as Error).message); }
}
for (const [t, v] of [['[1..5]', 3], ['not(1,2)', 3], ['"a","b"', 'b'], ['< 3', 5], ['>= date("2024-01-01")', null], ['-', 5], ['? > 2', 3], ['', 1], ['null', null], ['1', 'x'], ['[1..5]', 'x']] as [string, unknown][]) {
  try { console.log(t, v, JSON.stringify(unaryTest(t, { '?': v }))); } catch (err) { console.log('ERR', t, (err as Error).message); }
}
console.log(evaluate('date("2024-01-01") + duration("P1D")', {}));
console.log(evaluate('x + 1', { x: 'a' }));
console.log(evaluate('duration("P1Y2M")', {}).value!.toString(), String(evaluate('date and time("2024-01-01T10:00:00@Europe/Berlin")', {}).value),  String(evaluate('date and time("2024-01-01T10:00:00")', {}).value), String(evaluate('time("10:00:00")', {}).value), String(evaluate('duration("PT36H")', {}).value));
console.log(evaluate('{a: 1}.b', {}));
console.log(evaluate('a', {a: 1n}));
