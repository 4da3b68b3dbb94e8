import { evaluate, unaryTest, parseUnaryTests, parseExpression } from 'feelin';
console.log(String(evaluate('@"2024-01-01"', {}, 'camunda').value), unaryTest('>= @"2024-01-01"', {'?': evaluate('date("2024-02-01")', {}).value}, 'camunda').value);
console.log(evaluate('`a b` + 1', {'a b': 2}, 'camunda').value, evaluate('"multi\nline"', {}, 'camunda').value);
const t = parseUnaryTests('[1..x+1)', {}, 'camunda');
t.iterate({ enter(n) { console.log(n.name, n.from, n.to, n.type.isError); } });
try { evaluate('foo(', {}, 'camunda'); } catch (e) { console.log((e as any).constructor.name, (e as Error).message, (e as any).position); }
try { unaryTest('> ', {}, 'camunda'); } catch (e) { console.log((e as Error).message); }
try { unaryTest('"abc', {}, 'camunda'); } catch (e) { console.log((e as Error).message); }
try { evaluate('', {}, 'camunda'); } catch (e) { console.log('empty:', (e as Error).message); }
console.log(evaluate('x', {x: undefined}).value, evaluate('a.b', {a: {b: 1}}).value);
