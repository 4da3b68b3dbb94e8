// The time-limit table and deadlines per regulation. Dates worked out by hand from
// the 2026 calendar (see holiday-calendar.test.ts).

import { expect } from 'chai';
import {
  checkRuleTable,
  deadlineFor,
  DomainError,
  HolidayCalendar,
  regulationFor,
  ruleFor,
  TIME_LIMIT_RULES,
  TIME_LIMIT_STEPS,
  type TimeLimitRule,
} from '../../domain/index.ts';

const at = (iso: string) => new Date(iso).toISOString();

describe('domain/time-limits', () => {
  const calendar = new HolidayCalendar();

  describe('the table', () => {
    it('passes its own check', () => {
      expect(checkRuleTable(TIME_LIMIT_RULES)).to.deep.equal([]);
    });

    it('has exactly one rule per step for a ticket of each regime', () => {
      for (const step of TIME_LIMIT_STEPS) {
        expect(() => ruleFor(step, '2025-06-01'), step).not.to.throw();
        expect(() => ruleFor(step, '2026-06-01'), step).not.to.throw();
      }
      expect(TIME_LIMIT_STEPS).to.include.members([
        'complaint.accept', 'complaint.mediate', 'complaint.notifyTermination', 'complaint.verifyClue', 'report.verify',
        'report.notifyReporter', 'jurisdiction.agree', 'case.decide', 'odr.selfSettle', 'intake.dispatch', 'intake.respond',
        'hotline12345.handle', 'hotline.immediate',
      ]);
    });

    it('flags exactly the Order 121 rows DOMAIN.md says are to be confirmed', () => {
      const flagged = TIME_LIMIT_RULES.filter((r) => r.toConfirm).map((r) => `${r.regulation} ${r.step}`);
      expect(flagged).to.have.members([
        'SAMR Order No. 121 complaint.accept',
        'SAMR Order No. 121 complaint.notifyTermination',
        'SAMR Order No. 121 complaint.verifyClue',
        'SAMR Order No. 121 report.notifyReporter',
      ]);
    });

    it('records the regulations, articles and extensions of DOMAIN.md', () => {
      expect(ruleFor('complaint.accept', '2026-01-10')).to.deep.include({ regulation: 'SAMR Order No. 20', article: 'Art 14', amount: 7, unit: 'workingDays' });
      expect(ruleFor('complaint.mediate', '2026-01-10')).to.deep.include({ article: 'Art 21(5)', amount: 45, unit: 'workingDays' });
      expect(ruleFor('complaint.mediate', '2026-05-10')).to.deep.include({ regulation: 'SAMR Order No. 121', article: 'Art 23(5)', amount: 60, unit: 'calendarDays' });
      expect(ruleFor('report.verify', '2026-05-10').extension).to.deep.equal({ amount: 15, unit: 'workingDays', needs: 'head approval' });
      expect(ruleFor('complaint.verifyClue', '2026-01-10').extension).to.deep.equal({ amount: 15, unit: 'workingDays', needs: 'approval' });
      expect(ruleFor('case.decide', '2026-01-10')).to.deep.include({ amount: 90, unit: 'calendarDays' });
      expect(ruleFor('report.notifyReporter', '2026-01-10')).to.deep.include({ article: 'Art 31', amount: 5 });
    });

    it('finds overlapping rows, bad amounts and bad dates in an edited table', () => {
      const base = ruleFor('complaint.accept', '2026-01-10');
      const edited: TimeLimitRule[] = [
        base,
        { ...base, appliesFrom: '2026-04-01', appliesUntil: undefined },
        { ...base, step: 'x', amount: 1.5 },
        { ...base, step: 'y', appliesFrom: '2026-13-01' },
        { ...base, step: 'z', appliesUntil: '2019-01-01' },
      ];
      expect(checkRuleTable(edited).map((i) => `${i.path} ${i.code}`)).to.deep.equal([
        'rules[2].amount rule.amountInteger',
        'rules[3].appliesFrom rule.date',
        'rules[4].appliesUntil rule.range',
        'rules[1].appliesFrom rule.overlap',
      ]);
      expect(() => ruleFor('complaint.accept', '2026-04-10', edited)).to.throw(DomainError).with.property('code', 'timeLimits.ambiguous');
    });
  });

  describe('regulationFor', () => {
    it('switches from Order 20 to Order 121 on the Shanghai date 2026-04-15', () => {
      expect(regulationFor('2026-04-14')).to.equal('SAMR Order No. 20');
      expect(regulationFor('2026-04-15')).to.equal('SAMR Order No. 121');
      expect(regulationFor('2026-04-14T23:59:59+08:00')).to.equal('SAMR Order No. 20');
      // 16:30 UTC on the 14th is 00:30 on the 15th in Shanghai.
      expect(regulationFor(new Date('2026-04-14T16:30:00Z'))).to.equal('SAMR Order No. 121');
      expect(regulationFor('2020-01-01')).to.equal('SAMR Order No. 20');
    });

    it('has nothing for tickets received before Order 20', () => {
      expect(() => regulationFor('2019-12-31')).to.throw(DomainError).with.property('code', 'timeLimits.beforeOrder20');
      expect(() => deadlineFor('complaint.accept', { receivedAt: '2019-12-31' }, calendar)).to.throw(DomainError).with.property('code', 'timeLimits.noRule');
    });
  });

  describe('deadlineFor', () => {
    it('acceptance of a complaint received 2026-09-30: 2026-10-15, due at 24:00 Shanghai', () => {
      const d = deadlineFor('complaint.accept', { receivedAt: '2026-09-30T09:12:00+08:00' }, calendar);
      expect(d.regulation).to.equal('SAMR Order No. 121');
      expect(d.rule.toConfirm).to.equal(true);
      expect(d.startDate).to.equal('2026-09-30');
      expect(d.dueDate).to.equal('2026-10-15');
      expect(d.dueAt.toISOString()).to.equal(at('2026-10-16T00:00:00+08:00'));
      expect(d.extended).to.equal(undefined);
    });

    it('mediation under Order 20: 45 WD from acceptance 2026-04-03 → 2026-06-10', () => {
      const d = deadlineFor('complaint.mediate', { receivedAt: '2026-03-30', startedAt: '2026-04-03' }, calendar);
      expect(d.regulation).to.equal('SAMR Order No. 20');
      expect(d.dueDate).to.equal('2026-06-10');
    });

    it('mediation under Order 121: 60 calendar days ending on a holiday move to the next working day', () => {
      // 08-03 + 60 = 10-02, National Day → 10-08.
      const d = deadlineFor('complaint.mediate', { receivedAt: '2026-07-28T10:00:00+08:00', startedAt: '2026-08-03T15:00:00+08:00' }, calendar);
      expect(d.regulation).to.equal('SAMR Order No. 121');
      expect(d.dueDate).to.equal('2026-10-08');
      // The same acceptance day for a ticket received before 2026-04-15 keeps Order 20's 45 WD.
      const old = deadlineFor('complaint.mediate', { receivedAt: '2026-04-14', startedAt: '2026-08-03' }, calendar);
      expect(old.regulation).to.equal('SAMR Order No. 20');
      // 08-03 + 45 WD: Aug 4–31 = 20, Sep 1–18 = 14 (34), 09-20 Sun (35), 09-21..24 (39),
      // 09-28..30 (42), 10-08 (43), 10-09 (44), 10-10 Sat (45).
      expect(old.dueDate).to.equal('2026-10-10');
    });

    it('does not count paused days (testing, appraisal) toward the mediation limit', () => {
      const paused = deadlineFor(
        'complaint.mediate',
        { receivedAt: '2026-03-30', startedAt: '2026-04-03', pauses: [{ from: '2026-04-13', to: '2026-04-17' }] },
        calendar,
      );
      // Five working days paused: 06-10 + 5 WD = 06-17.
      expect(paused.dueDate).to.equal('2026-06-17');
      const calendarDays = deadlineFor(
        'complaint.mediate',
        { receivedAt: '2026-07-28', startedAt: '2026-08-03', pauses: [{ from: '2026-08-10', to: '2026-08-19' }] },
        calendar,
      );
      // Ten days paused: 10-02 + 10 = 10-12, a Monday.
      expect(calendarDays.dueDate).to.equal('2026-10-12');
      expect(() =>
        deadlineFor('complaint.mediate', { receivedAt: '2026-07-28', pauses: [{ from: '2026-08-19', to: '2026-08-10' }] }, calendar),
      ).to.throw(DomainError).with.property('code', 'timeLimits.pause');
    });

    it('report verification with the head-approved extension counted on from the deadline', () => {
      const d = deadlineFor('report.verify', { receivedAt: '2026-09-18T11:00:00+08:00' }, calendar);
      // 09-20 (1), 09-21..24 (5), 09-28..30 (8), 10-08..10 (11), 10-12..15 (15).
      expect(d.dueDate).to.equal('2026-10-15');
      // 10-16 (1), 10-19..23 (6), 10-26..30 (11), 11-02..05 (15).
      expect(d.extended?.dueDate).to.equal('2026-11-05');
      expect(d.extended?.needs).to.equal('head approval');
      expect(d.extended?.dueAt.toISOString()).to.equal(at('2026-11-06T00:00:00+08:00'));
    });

    it('case decision: 90 calendar days moved off National Day, +30 moved off a Saturday', () => {
      const d = deadlineFor('case.decide', { receivedAt: '2026-06-01', startedAt: '2026-07-03' }, calendar);
      expect(d.dueDate).to.equal('2026-10-08'); // 07-03 + 90 = 10-01
      expect(d.extended?.dueDate).to.equal('2026-11-09'); // 10-08 + 30 = 11-07 Sat
    });

    it('dispatch within 2 clock hours, holidays and nights included', () => {
      const d = deadlineFor('intake.dispatch', { receivedAt: '2026-10-01T22:30:00+08:00' }, calendar);
      expect(d.regulation).to.equal('local target');
      expect(d.dueAt.toISOString()).to.equal(at('2026-10-02T00:30:00+08:00'));
      expect(d.dueDate).to.equal('2026-10-02');
      expect(deadlineFor('intake.respond', { receivedAt: '2026-10-01T22:30:00+08:00' }, calendar).dueAt.toISOString()).to.equal(
        at('2026-10-02T22:30:00+08:00'),
      );
    });

    it('12345 tickets within 1.5 working days of office time', () => {
      const d = deadlineFor('hotline12345.handle', { receivedAt: '2026-09-30T16:00:00+08:00' }, calendar);
      expect(d.dueAt.toISOString()).to.equal(at('2026-10-09T11:30:00+08:00'));
      expect(d.dueDate).to.equal('2026-10-09');
      const lunch = deadlineFor('hotline12345.handle', { receivedAt: '2026-09-30T11:00:00+08:00' }, calendar, {
        workingHours: { periods: [{ from: '09:00', to: '12:00' }, { from: '13:30', to: '17:30' }] },
      });
      expect(lunch.dueAt.toISOString()).to.equal(at('2026-10-08T16:00:00+08:00'));
      // Whole days: one working day from 09-30 00:00 runs out at 24:00 that day.
      const whole = deadlineFor('hotline.immediate', { receivedAt: '2026-09-30T00:00:00+08:00' }, calendar, {
        workingHours: { periods: [{ from: '00:00', to: '24:00' }] },
      });
      expect(whole.dueAt.toISOString()).to.equal(at('2026-10-01T00:00:00+08:00'));
      expect(whole.dueDate).to.equal('2026-09-30');
    });

    it('asks for a time of day for hour-based limits', () => {
      expect(() => deadlineFor('intake.dispatch', { receivedAt: '2026-10-01' }, calendar)).to.throw(DomainError).with.property('code', 'timeLimits.instantRequired');
      expect(() => deadlineFor('intake.dispatch', { receivedAt: '2026-10-01T10:00:00' }, calendar)).to.throw(DomainError).with.property('code', 'instant.invalid');
    });

    it('refuses a start before receipt, an unknown step, and a deadline in a year without data', () => {
      expect(() => deadlineFor('complaint.mediate', { receivedAt: '2026-08-03', startedAt: '2026-08-02' }, calendar))
        .to.throw(DomainError).with.property('code', 'timeLimits.startBeforeReceipt');
      expect(() => deadlineFor('complaint.nothing', { receivedAt: '2026-08-03' }, calendar)).to.throw(DomainError).with.property('code', 'timeLimits.unknownStep');
      expect(() => deadlineFor('complaint.mediate', { receivedAt: '2026-11-20' }, calendar)).to.throw(DomainError).with.property('code', 'calendar.yearMissing');
      const with2027 = new HolidayCalendar({ overrides: [{ date: '2027-01-01', kind: 'holiday', name: '元旦' }] });
      // 11-20 + 60 = 2027-01-19, a Tuesday.
      expect(deadlineFor('complaint.mediate', { receivedAt: '2026-11-20' }, with2027).dueDate).to.equal('2027-01-19');
    });
  });
});
