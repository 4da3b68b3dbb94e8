// Excel export (.xlsx) of any table: columns with Chinese headers, rows of plain values.
// Shared by the statistics and any list page. Instants are written as Beijing wall-clock
// date cells (Excel has no time zones), so the sheet shows what the page shows.
import ExcelJS from 'exceljs';

export interface XlsxColumn<Row> {
  header: string;
  /** The cell's value; a Date is an instant, shown in Asia/Shanghai. */
  value: (row: Row) => string | number | boolean | Date | null | undefined;
  /** 'percent': the value is already ×100 (87.5 → 87.5%). Default: text or number as given. */
  format?: 'datetime' | 'date' | 'percent' | 'money' | 'integer';
  width?: number;
}

export interface XlsxSheet<Row> {
  name: string;
  columns: XlsxColumn<Row>[];
  rows: readonly Row[];
  /** Lines above the table (title, department, period). */
  caption?: string[];
}

const SHANGHAI_MS = 8 * 3_600_000;
const NUMBER_FORMATS: Record<NonNullable<XlsxColumn<unknown>['format']>, string> = {
  datetime: 'yyyy-mm-dd hh:mm',
  date: 'yyyy-mm-dd',
  percent: '0.0"%"',
  money: '#,##0.00',
  integer: '0',
};

/** Sheet names: at most 31 characters, none of : \ / ? * [ ]. */
const sheetName = (name: string) => name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31) || 'Sheet1';

/** Types a sheet by its rows (each sheet of a workbook may have its own row type). */
export const sheet = <Row>(s: XlsxSheet<Row>): XlsxSheet<Row> => s;

/** One workbook of sheets made with `sheet()`. */
export async function toXlsx(sheets: XlsxSheet<any>[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '投诉举报处置平台';
  for (const sheet of sheets) {
    const ws = workbook.addWorksheet(sheetName(sheet.name));
    (sheet.caption ?? []).forEach((line, i) => { ws.addRow([line]).font = { bold: i === 0 }; });
    const headerRow = ws.addRow(sheet.columns.map((c) => c.header));
    headerRow.font = { bold: true };
    headerRow.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
    ws.views = [{ state: 'frozen', ySplit: headerRow.number }];
    for (const row of sheet.rows) {
      ws.addRow(sheet.columns.map((c) => {
        const v = c.value(row);
        return v instanceof Date ? new Date(v.getTime() + SHANGHAI_MS) : v ?? null;
      }));
    }
    sheet.columns.forEach((c, i) => {
      const col = ws.getColumn(i + 1);
      col.width = c.width ?? Math.max(10, [...c.header].length * 2 + 2);
      if (c.format) {
        col.eachCell((cell, rowNumber) => { if (rowNumber > headerRow.number) cell.numFmt = NUMBER_FORMATS[c.format!]; });
      }
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Content-Disposition for a Chinese file name (RFC 6266 / 5987), with an ASCII fallback. */
export const attachment = (fileName: string, fallback = 'export.xlsx') =>
  `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
