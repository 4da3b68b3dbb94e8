// Fractional working-day targets as elapsed office time (default 08:30–17:30).

import { expect } from 'chai';
import { checkWorkingHours, DomainError, HolidayCalendar, workingMinutesPerDay, type WorkingHours } from '../../domain/index.ts';

const at = (iso: string) => new Date(iso).toISOString();

describe('domain/calendar addWorkingTime', () => {
  const calendar = new HolidayCalendar();

  it('1.5 WD from Wednesday 16:00 before National Day ends Friday 10-09 11:30', () => {
    // 1.5 h on 09-30, 9 h on 10-08, 3 h on 10-09: 13.5 h = 1.5 × 9 h.
    expect(calendar.addWorkingTime('2026-09-30T16:00:00+08:00', 1.5).toISOString()).to.equal(at('2026-10-09T11:30:00+08:00'));
  });

  it('runs on a make-up Sunday: 1.5 WD from Friday 2026-09-18 10:00 ends Sunday 09-20 14:30', () => {
    expect(calendar.addWorkingTime('2026-09-18T10:00:00+08:00', 1.5).toISOString()).to.equal(at('2026-09-20T14:30:00+08:00'));
  });

  it('starts the clock at the next office period when received outside one', () => {
    // Evening of 09-30: clock starts 10-08 08:30; 9 h that day, 4.5 h on 10-09.
    expect(calendar.addWorkingTime('2026-09-30T20:00:00+08:00', 1.5).toISOString()).to.equal(at('2026-10-09T13:00:00+08:00'));
    // On a holiday morning.
    expect(calendar.addWorkingTime('2026-10-03T09:00:00+08:00', 1).toISOString()).to.equal(at('2026-10-08T17:30:00+08:00'));
  });

  it('ends at the close of a period rather than the next morning when it fits exactly', () => {
    expect(calendar.addWorkingTime('2026-09-29T08:30:00+08:00', 1).toISOString()).to.equal(at('2026-09-29T17:30:00+08:00'));
  });

  it('follows configured office hours with a lunch break', () => {
    const hours: WorkingHours = { periods: [{ from: '09:00', to: '12:00' }, { from: '13:30', to: '17:30' }] };
    expect(workingMinutesPerDay(hours)).to.equal(7 * 60);
    // 1.5 × 7 h = 10.5 h: 09-30 11:00–12:00 and 13:30–17:30 (5 h), 10-08 09:00–12:00 (3 h), 13:30 + 2.5 h.
    expect(calendar.addWorkingTime('2026-09-30T11:00:00+08:00', 1.5, hours).toISOString()).to.equal(at('2026-10-08T16:00:00+08:00'));
    // Received during lunch: the clock waits for 13:30; 0.5 × 7 h = 3.5 h.
    expect(calendar.addWorkingTime('2026-09-29T12:30:00+08:00', 0.5, hours).toISOString()).to.equal(at('2026-09-29T17:00:00+08:00'));
  });

  it('counts whole 24-hour working days when configured 00:00–24:00', () => {
    const hours: WorkingHours = { periods: [{ from: '00:00', to: '24:00' }] };
    expect(calendar.addWorkingTime('2026-09-30T12:00:00+08:00', 1.5, hours).toISOString()).to.equal(at('2026-10-09T00:00:00+08:00'));
  });

  it('refuses bad office hours and negative amounts', () => {
    expect(checkWorkingHours({ periods: [] })).to.have.length(1);
    expect(checkWorkingHours({ periods: [{ from: '17:30', to: '08:30' }] })[0].code).to.equal('workingHours.order');
    expect(checkWorkingHours({ periods: [{ from: '08:30', to: '12:00' }, { from: '11:00', to: '17:00' }] })[0]).to.deep.include({
      path: 'workingHours.periods[1]',
      code: 'workingHours.overlap',
    });
    expect(checkWorkingHours({ periods: [{ from: '8:30', to: '25:00' }] }).map((i) => i.path)).to.deep.equal([
      'workingHours.periods[0].from',
      'workingHours.periods[0].to',
    ]);
    expect(() => calendar.addWorkingTime('2026-09-30T10:00:00+08:00', -1)).to.throw(DomainError);
    expect(() => calendar.addWorkingTime('2026-09-30T10:00:00+08:00', 1, { periods: [] })).to.throw(DomainError).with.property('code', 'workingHours.invalid');
  });
});
