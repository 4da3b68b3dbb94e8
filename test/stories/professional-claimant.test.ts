// Story 8: a professional claimant (职业索赔人) flagged. One person complains against different
// businesses; the `professional_claimant` rule flags the fifth ticket within 30 days against at
// least three businesses: the first one fell outside the window, so it takes a sixth. Flagged
// tickets are worked at a lower priority, and a flagged person's letter reporting a business
// goes to legal review first (法制审核), which may decide not to handle it.
import { expect } from 'chai';
import { jinanComplaint, jinanReport, startStory, type Story } from '../support/stories.ts';
import { ID_CARD, USCC } from '../tickets/samples.ts';

const CLAIMANT = { name: '周八', phone: '13605318888', idType: 'resident_id', idNumber: ID_CARD('37010219780808521'), address: '济南市历下区解放路9号', consentPublish: false, consentMediation: true };

const business = (name: string, first17: string) => ({ name, uscc: USCC(first17), address: `济南市历下区${name}`, regionCode: '370102' });
const A = business('某甲食品店', '91370102MA3A1B2C3');
const B = business('某乙超市', '91370102MA3A1B2C4');
const C = business('某丙便利店', '91370102MA3A1B2C5');
const D = business('某丁烟酒店', '91370102MA3A1B2C6');
const E = business('某戊商行', '91370102MA3A1B2C7');

describe('story: a professional claimant is flagged (职业索赔识别)', function () {
  this.timeout(60_000);
  let s: Story;
  before(async () => {
    s = await startStory({ clock: '2026-08-20T09:10:00+08:00' });
  });
  after(async () => {
    if (process.env.SHOW_WORKER_LOGS) console.log(s?.logs.join('\n'));
    await s?.stop();
  });

  /** 周八 complains on `day` about `goods` bought at `respondent`; the unit accepts the same day. */
  async function complaint(day: string, respondent: Record<string, unknown>, goods: string) {
    await s.at(`${day}T09:10:00+08:00`);
    const ticket = await s.register(jinanComplaint({
      receivedAt: `${day}T09:00:00+08:00`, complainant: CLAIMANT, respondent, category: '食品药品安全',
      facts: { occurredAt: day, place: '门店', goodsOrService: goods, amount: 39, description: `购买的${goods}标签不符合食品安全标准，要求退款并赔偿。` },
      requests: ['refund', 'compensation'],
    }));
    const review = await s.task(ticket.ticketNo, 'Task_AcceptReview');
    await s.complete(review, { acceptDecision: 'accept', amountInvolved: 39 });
    return { ticket, review };
  }

  it('the sixth complaint in six weeks, the fifth within 30 days against four businesses, is flagged', async () => {
    const first = await complaint('2026-08-20', A, '进口饼干');
    const earlier = [
      await complaint('2026-09-05', B, '进口巧克力'),
      await complaint('2026-09-10', C, '进口咖啡'),
      await complaint('2026-09-15', A, '进口果汁'),
      await complaint('2026-09-22', B, '进口糖果'),
    ];
    // Five so far, but 08-20 is more than 30 days before 09-22: four in the window, not flagged.
    for (const { ticket, review } of [first, ...earlier]) {
      expect((await s.ticket(ticket.ticketNo)).professionalClaimant, ticket.ticketNo).to.equal(false);
      expect(review.priority).to.equal(50);
    }
    const fifth = (await s.audit(earlier[3]!.ticket.ticketNo)).find((a) => a.action === 'ticket.enriched')!;
    expect((fifth.after as { claimantHistory: unknown }).claimantHistory).to.deep.equal({ tickets30: 4, respondents30: 3, tickets365: 5, respondents365: 3, punitiveClaims365: 0 });

    const { ticket, review } = await complaint('2026-09-30', D, '进口红酒');
    const flagged = await s.ticket(ticket.ticketNo);
    expect(flagged).to.include({ professionalClaimant: true, repeatComplainant: true, department: '370102-DL' });
    // In the handler's inbox it sorts below ordinary complaints.
    expect(review.priority).to.equal(40);
    const enriched = (await s.audit(ticket.ticketNo)).find((a) => a.action === 'ticket.enriched')!;
    expect(enriched.after).to.deep.include({ professionalClaimant: true, repeatComplainant: true });
    expect((enriched.after as { claimantHistory: unknown }).claimantHistory).to.deep.equal({ tickets30: 5, respondents30: 4, tickets365: 6, respondents365: 4, punitiveClaims365: 0 });
    const seen = await s.taskVariables(review);
    expect(seen).to.deep.include({ professionalClaimant: true, professionalReason: '30日内对3个以上不同经营者投诉举报5件以上' });
    // The earlier tickets keep their flag as it was when they came in.
    expect((await s.ticket(first.ticket.ticketNo)).professionalClaimant).to.equal(false);
  });

  it('a letter from the flagged person reporting a business goes to legal review, which decides not to handle it', async () => {
    await s.at('2026-10-08T09:10:00+08:00');
    const letter = await s.register(jinanReport({
      channel: 'letter', receivedAt: '2026-10-08T09:00:00+08:00', complainant: { ...CLAIMANT, anonymous: false }, respondent: E,
      category: '食品药品安全', facts: { description: '该商行销售的进口食品无中文标签，请依法查处并给予举报奖励。' },
    }));
    expect(letter).to.include({ kind: 'report', channel: 'letter', professionalClaimant: true });
    const review = await s.task(letter.ticketNo, 'Task_LegalReview');
    expect(review).to.deep.include({ name: '法制审核', candidateGroups: ['role:legal'] });
    expect(await s.taskVariables(review)).to.deep.include({ professionalReason: '30日内对3个以上不同经营者投诉举报5件以上' });
    // Not routed yet: legal review comes first.
    expect(letter.department).to.equal(null);
    await s.complete(review, { legalOpinion: 'not-handle', legalBasis: '举报人以牟利为目的，举报事项不属于本部门职责范围' });
    const done = await s.ticket(letter.ticketNo);
    expect(done.status).to.equal('not-handled');
    expect(await s.tasks(letter.ticketNo)).to.deep.equal([]);
    expect(await s.notices(letter.ticketNo)).to.deep.equal([]);
    expect((await s.instances(letter.ticketNo, 'report_verification')).map((i) => i.state)).to.deep.equal(['COMPLETED']);
  });
});
