import { unaryTest, evaluate } from 'feelin';
for (const e of ['x >= date("2024-01-01")', 'x in [1..5]', 'x < 3', 'x > 3', 'x = 1', 'x >= 1 and x <= 5']) for (const x of ['2024-06-01', 'x', true]) {
  const r = evaluate(e, { x }); console.log(e, JSON.stringify(x), r.value, r.warnings.map(w => w.message));
}
