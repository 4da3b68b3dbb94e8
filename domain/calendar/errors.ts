import { DomainError } from '../errors.ts';

/**
 * Asked about a year whose State Council holiday notice nobody entered: guessing
 * weekends only would give wrong legal deadlines, so the calendar refuses.
 */
export class CalendarYearMissingError extends DomainError {
  readonly year: number;

  constructor(year: number) {
    super(
      'calendar.yearMissing',
      `没有 ${year} 年的节假日安排数据，无法计算工作日。请流程管理员在“节假日日历”中，` +
        `按国务院办公厅关于 ${year} 年部分节假日安排的通知，录入该年的放假日期和调休上班日期。`,
      [{ path: 'year', code: 'calendar.yearMissing', message: `缺少 ${year} 年节假日安排` }],
    );
    this.name = 'CalendarYearMissingError';
    this.year = year;
  }
}
