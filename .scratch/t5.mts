import { evaluate, unaryTest, dateAndTime, date, duration } from 'feelin';
const ctx = { now: () => dateAndTime('2020-01-02T03:04:05.000Z'), today: () => date('2020-01-02') };
console.log(String(evaluate('now()', ctx).value), String(evaluate('today()', ctx).value), String(unaryTest('< today()', { ...ctx, '?': date('2019-01-01') }).value));
const d = evaluate('date and time("2024-01-01T10:00:00@Europe/Berlin")', {}).value as any;
console.log(d.zone, d.value.toString(), d.value.toZonedDateTime(d.zone).offset);
for (const e of ['date and time("2024-01-01T10:00:00Z")', 'date and time("2024-01-01T10:00:00+02:00")', 'date and time("2024-01-01T10:00:00.123")', 'time("10:00:00+01:00")', 'time("10:00:00@Europe/Paris")', 'duration("PT0S")', 'duration("P0M")', 'duration("-PT2H")', 'duration("P14M")', 'duration("PT1.5S")', 'date("2024-02-30")']) {
  const v = evaluate(e, {}).value as any; console.log(e, '=>', v && v.constructor.name, String(v), v && v.zone, v && v.value && v.value.toString());
}
