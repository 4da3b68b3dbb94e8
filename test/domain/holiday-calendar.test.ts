// The working-day calendar: package data, counting rules, missing years, overrides.
// Expected dates are worked out by hand from the 2026 State Council notice as the
// package records it (国庆 10-01..10-07, 调休上班 09-20 Sun and 10-10 Sat; 中秋
// 09-25..27; 清明 04-04..06; 劳动节 05-01..05 with 05-09 Sat worked; 端午 06-19..21).

import { expect } from 'chai';
import { findWorkday } from 'chinese-days';
import {
  addDays,
  CalendarYearMissingError,
  DomainError,
  HolidayCalendar,
  packageCalendarEntries,
  type CalendarOverride,
} from '../../domain/index.ts';

describe('domain/calendar HolidayCalendar', () => {
  const calendar = new HolidayCalendar();

  describe('package data', () => {
    it('covers 2004 to 2026 and nothing else', () => {
      const years = calendar.coveredYears();
      expect(years[0]).to.equal(2004);
      expect(years.at(-1)).to.equal(2026);
      expect(years).to.have.length(23);
    });

    it('has the 2026 National Day holiday 10-01..10-07 and its make-up working days', () => {
      for (let d = 1; d <= 7; d++) {
        const info = calendar.dayInfo(`2026-10-0${d}`);
        expect(info.working, `2026-10-0${d}`).to.equal(false);
        expect(info.kind).to.equal('holiday');
        expect(info.name).to.equal('国庆节');
      }
      expect(calendar.dayInfo('2026-10-08')).to.deep.include({ working: true, kind: 'weekday' });
      expect(calendar.dayInfo('2026-09-20')).to.deep.include({ working: true, kind: 'makeUpWorkday', name: '国庆节' });
      expect(calendar.dayInfo('2026-10-10')).to.deep.include({ working: true, kind: 'makeUpWorkday', name: '国庆节' });
      expect(calendar.dayInfo('2026-10-11')).to.deep.include({ working: false, kind: 'weekend' });
    });

    it('tells ordinary weekdays and weekends apart', () => {
      expect(calendar.isWorkingDay('2026-11-23')).to.equal(true); // Monday
      expect(calendar.isWorkingDay('2026-11-21')).to.equal(false); // Saturday
      expect(calendar.isWorkingDay('2026-11-22')).to.equal(false); // Sunday
    });

    it('reads an instant as its Asia/Shanghai date, whatever the machine zone', () => {
      const saved = process.env.TZ;
      try {
        process.env.TZ = 'America/Los_Angeles';
        // 2026-09-30 16:30 UTC is 2026-10-01 00:30 in Shanghai: a holiday.
        expect(calendar.isWorkingDay(new Date('2026-09-30T16:30:00Z'))).to.equal(false);
        expect(calendar.isWorkingDay(new Date('2026-09-30T15:59:59Z'))).to.equal(true);
        expect(calendar.addWorkingDays('2026-09-30T23:00:00+08:00', 7)).to.equal('2026-10-15');
      } finally {
        if (saved === undefined) delete process.env.TZ;
        else process.env.TZ = saved;
      }
    });
  });

  describe('addWorkingDays', () => {
    it('7 WD from 2026-09-30 crosses National Day and counts Saturday 10-10: 2026-10-15', () => {
      // 10-01..07 off; 10-08 (1), 10-09 (2), 10-10 Sat worked (3), 10-12..15 (4..7).
      expect(calendar.addWorkingDays('2026-09-30', 7)).to.equal('2026-10-15');
    });

    it('7 WD from Friday 2026-09-18 counts Sunday 09-20 and skips Mid-Autumn: 2026-09-29', () => {
      // 09-20 Sun worked (1), 09-21..24 (2..5), 09-25..27 off, 09-28 (6), 09-29 (7).
      expect(calendar.addWorkingDays('2026-09-18', 7)).to.equal('2026-09-29');
    });

    it('does not count a start day that is itself a holiday', () => {
      // Received on 10-03: 10-08 (1), 10-09 (2), 10-10 (3), 10-12 (4) … 10-15 (7).
      expect(calendar.addWorkingDays('2026-10-03', 7)).to.equal('2026-10-15');
      expect(calendar.addWorkingDays('2026-10-03', 1)).to.equal('2026-10-08');
    });

    it('45 WD from 2026-04-03 (Order 20 mediation) ends on 2026-06-10', () => {
      // April after 04-06: 18 WD; May: 05-06..08 (21), 05-09 Sat (22), then 15 (37);
      // June: 06-01..05 (42), 06-08 (43), 06-09 (44), 06-10 (45).
      expect(calendar.addWorkingDays('2026-04-03', 45)).to.equal('2026-06-10');
    });

    it('counts back with a negative n, 0 gives the day itself or the next working day', () => {
      expect(calendar.addWorkingDays('2026-10-15', -7)).to.equal('2026-09-30');
      expect(calendar.addWorkingDays('2026-10-12', -1)).to.equal('2026-10-10');
      expect(calendar.addWorkingDays('2026-09-30', 0)).to.equal('2026-09-30');
      expect(calendar.addWorkingDays('2026-10-01', 0)).to.equal('2026-10-08');
    });

    it('refuses a fractional or invalid count and an invalid date', () => {
      expect(() => calendar.addWorkingDays('2026-09-30', 1.5)).to.throw(DomainError).with.property('code', 'calendar.notInteger');
      expect(() => calendar.addWorkingDays('2026-02-30', 1)).to.throw(DomainError).with.property('code', 'date.invalid');
      expect(() => calendar.addWorkingDays('2026-09-30T10:00:00', 1)).to.throw(DomainError).with.property('code', 'instant.invalid');
    });

    it('agrees with chinese-days findWorkday on 400 random starts 2004–2025', () => {
      let seed = 20260415;
      const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
      for (let i = 0; i < 400; i++) {
        const start = addDays('2004-01-01', Math.floor(random() * (22 * 365)));
        const n = 1 + Math.floor(random() * 60);
        expect(calendar.addWorkingDays(start, n), `${start} + ${n}`).to.equal(findWorkday(n, start));
      }
    });
  });

  it('nextWorkingDay is the first working day strictly after the date', () => {
    expect(calendar.nextWorkingDay('2026-09-29')).to.equal('2026-09-30');
    expect(calendar.nextWorkingDay('2026-09-30')).to.equal('2026-10-08');
    expect(calendar.nextWorkingDay('2026-10-09')).to.equal('2026-10-10');
  });

  describe('addCalendarDays', () => {
    it('60 days ending on 2026-10-02 (National Day) move to 2026-10-08', () => {
      expect(calendar.addCalendarDays('2026-08-03', 60)).to.equal('2026-10-08');
    });

    it('60 days ending on Dragon Boat Sunday 2026-06-21 move to Monday 06-22', () => {
      expect(calendar.addCalendarDays('2026-04-22', 60)).to.equal('2026-06-22');
    });

    it('an ordinary Saturday also moves to Monday; a make-up Saturday does not move', () => {
      expect(calendar.addCalendarDays('2026-05-12', 60)).to.equal('2026-07-13'); // 07-11 Sat
      expect(calendar.addCalendarDays('2026-08-11', 60)).to.equal('2026-10-10'); // worked Saturday
      expect(calendar.addCalendarDays('2026-05-07', 60)).to.equal('2026-07-06'); // Monday, stays
    });

    it('refuses a negative count', () => {
      expect(() => calendar.addCalendarDays('2026-08-03', -1)).to.throw(DomainError).with.property('code', 'calendar.negative');
    });
  });

  describe('workingDaysBetween', () => {
    it('counts working days after a up to b, negative backwards', () => {
      expect(calendar.workingDaysBetween('2026-09-30', '2026-10-15')).to.equal(7);
      expect(calendar.workingDaysBetween('2026-10-15', '2026-09-30')).to.equal(-7);
      expect(calendar.workingDaysBetween('2026-10-15', '2026-10-15')).to.equal(0);
      expect(calendar.workingDaysBetween('2026-09-30', '2026-10-07')).to.equal(0);
      expect(calendar.workingDaysBetween('2026-10-09', '2026-10-12')).to.equal(2); // 10-10 and 10-12
    });

    it('is the inverse of addWorkingDays', () => {
      for (const [start, n] of [['2026-01-05', 30], ['2026-02-10', 12], ['2025-12-20', 25]] as const) {
        expect(calendar.workingDaysBetween(start, calendar.addWorkingDays(start, n))).to.equal(n);
      }
    });
  });

  describe('a year without data', () => {
    it('names the year and tells the administrator what to enter', () => {
      let error: unknown;
      try {
        calendar.isWorkingDay('2027-01-04');
      } catch (e) {
        error = e;
      }
      expect(error).to.be.instanceOf(CalendarYearMissingError);
      const missing = error as CalendarYearMissingError;
      expect(missing.year).to.equal(2027);
      expect(missing.code).to.equal('calendar.yearMissing');
      expect(missing.message).to.contain('2027').and.contain('国务院办公厅').and.contain('录入');
    });

    it('stops a count that runs into the year, and a year before the package', () => {
      expect(() => calendar.addWorkingDays('2026-12-28', 7)).to.throw(CalendarYearMissingError).with.property('year', 2027);
      expect(() => calendar.addCalendarDays('2026-12-01', 40)).to.throw(CalendarYearMissingError);
      expect(() => calendar.isWorkingDay('2003-12-31')).to.throw(CalendarYearMissingError).with.property('year', 2003);
      // A count that stays inside 2026 still works in late December.
      expect(calendar.addWorkingDays('2026-12-24', 3)).to.equal('2026-12-29');
    });
  });

  describe('overrides', () => {
    // An invented 2027 arrangement for the test, not the real notice.
    const year2027: CalendarOverride[] = [
      { date: '2027-01-01', kind: 'holiday', name: '元旦' },
      ...['06', '07', '08', '09', '10', '11', '12', '13', '14'].map((d) => ({ date: `2027-02-${d}`, kind: 'holiday' as const, name: '春节' })),
      { date: '2027-02-20', kind: 'workday', name: '春节' },
    ];

    it('make an entered year usable, across the year end too', () => {
      const withYear = new HolidayCalendar({ overrides: year2027 });
      expect(withYear.hasYear(2027)).to.equal(true);
      expect(withYear.coveredYears().at(-1)).to.equal(2027);
      // 12-31 (1), 01-01 off, 01-02/03 weekend, 01-04 (2), 01-05 (3).
      expect(withYear.addWorkingDays('2026-12-30', 3)).to.equal('2027-01-05');
      expect(withYear.dayInfo('2027-02-20')).to.deep.include({ working: true, kind: 'makeUpWorkday', source: 'override' });
      // 02-05 Fri; 02-06..14 off; 02-15 (1) … 02-19 (5), 02-20 Sat worked (6), 02-22 (7).
      expect(withYear.addWorkingDays('2027-02-05', 7)).to.equal('2027-02-22');
      expect(() => withYear.isWorkingDay('2028-01-03')).to.throw(CalendarYearMissingError).with.property('year', 2028);
    });

    it('win over the package for the same date', () => {
      const corrected = new HolidayCalendar({ overrides: [{ date: '2026-10-08', kind: 'holiday', name: '地方调整' }] });
      expect(corrected.isWorkingDay('2026-10-08')).to.equal(false);
      expect(corrected.addWorkingDays('2026-09-30', 7)).to.equal('2026-10-16');
      expect(calendar.addWorkingDays('2026-09-30', 7)).to.equal('2026-10-15');
    });

    it('are checked, each problem with its field path', () => {
      let error: DomainError | undefined;
      try {
        new HolidayCalendar({
          overrides: [
            { date: '2027-02-30', kind: 'holiday', name: '春节' },
            { date: '2027-01-01', kind: 'rest' as 'holiday', name: '' },
            { date: '2027-01-01', kind: 'holiday', name: '元旦' },
          ],
        });
      } catch (e) {
        error = e as DomainError;
      }
      expect(error?.code).to.equal('calendar.invalidOverrides');
      expect(error?.issues.map((i) => i.path)).to.deep.equal(['overrides[0].date', 'overrides[1].kind', 'overrides[1].name', 'overrides[2].date']);
      expect(error?.issues[3].code).to.equal('override.duplicate');
    });
  });

  it('lists the merged entries of a year', () => {
    const entries = new HolidayCalendar({ overrides: [{ date: '2026-12-31', kind: 'holiday', name: '测试' }] }).entriesOfYear(2026);
    expect(entries.filter((e) => e.kind === 'workday').map((e) => e.date)).to.deep.equal([
      '2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10',
    ]);
    expect(entries.at(-1)).to.deep.equal({ date: '2026-12-31', kind: 'holiday', name: '测试', source: 'override' });
    expect(packageCalendarEntries().some((e) => e.date === '2026-12-31')).to.equal(false);
  });
});
