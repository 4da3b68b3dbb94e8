import { unaryTest, evaluate, date } from 'feelin';
const cases: [string, unknown][] = [['[1..5]', 'x'], ['[1..5]', '3'], ['[1..5]', null], ['[1..5]', true], ['[1..5]', 6], ['(1..5)', 5], [']1..5]', 1], ['not([1..5])', 'x'], ['"a"', 1], ['not("a")', null], ['not(null)', null], ['< 3', 'x'], ['[date("2024-01-01")..date("2024-12-31")]', date('2024-06-01')], ['>= date("2024-01-01")', '2024-06-01'], ['["a","b"]', 'a'], ['"a","b"', 'c'], ['? > 3 and ? < 10', 5], ['list contains(?, "a")', ['a']], ['1', 1n], ['"食品药品安全"', '食品药品安全'], ['starts with(?, "11")', '110101'], ['x', 3], ['>x', 3], ['true', true], ['false', null]];
for (const [t, v] of cases) {
  try { const r = unaryTest(t, { '?': v, x: 3 }); console.log(JSON.stringify(t), JSON.stringify(v, (k, x) => typeof x === 'bigint' ? String(x) : x), r.value, r.warnings.map(w => w.message)); } catch (err) { console.log('ERR', t, (err as Error).message); }
}
console.log(evaluate('1/3', {}).value, evaluate('0.1+0.2', {}).value, evaluate('10000000000000000000000 + 1', {}).value);
console.log(evaluate('{a: date("2020-01-01")}', {}).value);
