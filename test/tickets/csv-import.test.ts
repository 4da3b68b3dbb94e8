// CSV back-fill: Chinese headers, rows checked as a whole with errors naming line and column,
// nothing imported when any row is wrong, re-import adds nothing, GB18030 files from Excel.
import { createRequire } from 'node:module';
import { expect } from 'chai';
import { findTicketsByExternalNo, importTicketsCsv } from '../../tickets/index.ts';
import { count, productDb, type ProductDb } from './product.ts';
import { ID_CARD, USCC } from './samples.ts';

const HEADER = '渠道,外部工单编号,类型,收到时间,投诉举报人姓名,联系电话,证件号码,被投诉举报对象名称,统一社会信用代码,行政区划代码,问题描述,诉求,问题类别,涉案金额,状态,满意度,挽回经济损失,办结时间';

describe('tickets: CSV import', () => {
  let db: ProductDb;
  before(async () => {
    db = await productDb();
  });
  after(async () => {
    await db?.drop();
  });

  const deps = () => ({ pool: db.pool });

  it('imports a sheet of past tickets with their results, and a second import adds nothing', async () => {
    const csv = [
      HEADER,
      `12315,OLD-0001,投诉,2025/3/5 10:20,孙八,13512345678,${ID_CARD()},某某餐饮店,${USCC()},310104,"菜品有异物，
要求赔偿",赔偿,食品药品安全,"1,200",已办结,满意,1200,2025-03-20 16:00`,
      `来信,OLD-0002,举报,2025-03-06,,,,某某药房,,310104,无证经营,,食品药品安全,,不予立案,,,`,
    ].join('\n');
    const result = await importTicketsCsv(deps(), csv);
    expect(result).to.deep.equal({ rows: 2, imported: 2, existing: 0, errors: [] });
    const [complaint] = await findTicketsByExternalNo(db.pool, '12315', 'OLD-0001');
    expect(complaint).to.deep.include({ kind: 'complaint', status: 'closed', satisfaction: '满意', amountRecovered: 1200, processInstanceKey: null });
    expect(complaint!.facts.amount).to.equal(1200);
    expect(complaint!.facts.description).to.equal('菜品有异物，\n要求赔偿');
    expect(complaint!.requests).to.deep.equal(['compensation']);
    expect(complaint!.receivedAt.toISOString()).to.equal('2025-03-05T02:20:00.000Z');
    const [report] = await findTicketsByExternalNo(db.pool, 'letter', 'OLD-0002');
    expect(report).to.deep.include({ kind: 'report', status: 'not-filed' });
    expect(report!.complainant.anonymous).to.equal(true);

    expect(await importTicketsCsv(deps(), csv)).to.deep.equal({ rows: 2, imported: 0, existing: 2, errors: [] });
  });

  it('names the line and column of every bad cell and imports nothing', async () => {
    const before = await count(db.pool, 'tickets');
    const csv = [
      HEADER,
      `12315,BAD-0001,投诉,2025-04-01 09:00,周九,1351234567,,某商店,,310104,问题,退款,产品质量,,,,,`,
      `12315,BAD-0002,投诉,2025-04-01 09:00,吴十,13512345678,,某商店,,31010,"多行
描述",退钱,产品质量,十元,,很好,,`,
      `12315,,举报,2025-04-01,,,,某商店,,310104,线索,,其他,,,,,`,
    ].join('\n');
    const result = await importTicketsCsv(deps(), csv);
    expect(result.imported).to.equal(0);
    const found = result.errors.map((e) => [e.line, e.column, e.columnLetter, e.code]);
    expect(found).to.deep.include.members([
      [2, '联系电话', 'F', 'mobile.length'],
      [3, '诉求', 'L', 'csv.requests'],
      [3, '涉案金额', 'N', 'csv.number'],
      [3, '满意度', 'P', 'csv.satisfaction'],
      [5, '外部工单编号', 'B', 'required'],
    ]);
    const region = await importTicketsCsv(deps(), [HEADER, '12315,BAD-0003,投诉,2025-04-01 09:00,吴十,13512345678,,某商店,,31010,描述,退款,产品质量,,,,,'].join('\n'));
    expect(region.errors.map((e) => [e.line, e.column, e.code])).to.deep.equal([[2, '行政区划代码', 'pattern']]);
    for (const e of result.errors) expect(e.message).to.match(/[\u4e00-\u9fff]/);
    expect(await count(db.pool, 'tickets')).to.equal(before);
  });

  it('with partial, imports the good rows and reports the bad ones', async () => {
    const csv = [HEADER,
      `12315,PART-0001,投诉,2025-05-01 09:00,郑一,13512345678,,某商店,,310104,描述,退款,产品质量,,,,,`,
      `12315,PART-0002,投诉,2025-05-01 09:00,郑二,12,,某商店,,310104,描述,退款,产品质量,,,,,`,
    ].join('\n');
    const result = await importTicketsCsv(deps(), csv, { partial: true });
    expect(result.imported).to.equal(1);
    expect(result.errors.map((e) => [e.line, e.column])).to.deep.equal([[3, '联系电话']]);
  });

  it('refuses unknown or missing columns at the header', async () => {
    const result = await importTicketsCsv(deps(), '渠道,类型,收到时间,颜色\n12315,投诉,2025-01-01,红');
    expect(result.errors.map((e) => [e.line, e.column, e.code])).to.deep.equal([
      [1, '颜色', 'csv.unknownColumn'],
      [1, '外部工单编号', 'csv.missingColumn'],
    ]);
  });

  it('reads GB18030 files as Excel on a Chinese Windows saves them', async () => {
    const csv = `${HEADER}\n12315,GBK-0001,投诉,2025-06-01 09:00,冯三,13512345678,,某商店,,310104,描述,退款,产品质量,,,,,\n`;
    const gbk = encodeGb18030(csv);
    expect(gbk.equals(Buffer.from(csv))).to.equal(false);
    expect(await importTicketsCsv(deps(), gbk)).to.deep.include({ imported: 1, errors: [] });
    const [ticket] = await findTicketsByExternalNo(db.pool, '12315', 'GBK-0001');
    expect(ticket!.complainant.name).to.equal('冯三');
  });
});

/** Node decodes GB18030 but cannot encode it; iconv-lite (already a dependency of body-parser) can. */
function encodeGb18030(text: string): Buffer {
  const iconv = createRequire(import.meta.url)('iconv-lite') as { encode(s: string, enc: string): Buffer };
  return iconv.encode(text, 'gb18030');
}
