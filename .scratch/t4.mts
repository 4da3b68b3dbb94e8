import { parseUnaryTests } from 'feelin';
for (const t of ['[1..5]', '< 3', 'not(1, [2..3], "a")', '-', '"a","b"', '? > 3', '>= date("2024-01-01")', 'x', '<= x + 1', 'null', 'a +']) {
  const tree = parseUnaryTests(t, {}, 'camunda');
  console.log(t, '=>', tree.toString());
}
