// The disclosure as an Atom feed (RFC 4287), for portals and readers that follow the
// bureau's 投诉公示. Same items, same masking as the page.
import type { DisclosureItem } from './listing.ts';

const escape = (s: string) => s.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);

/** `base`: the site's origin (https://host), for the links; `updated`: the newest item's day, or now. */
export function atomFeed(items: DisclosureItem[], base: string, now: Date): string {
  const page = `${base}/public/disclosure`;
  const updated = items[0] ? `${items[0].closedOn}T00:00:00+08:00` : now.toISOString();
  const entries = items.map((i) => {
    const summary = `被投诉人：${i.respondent}；投诉问题：${i.issue}；处理结果：${i.result}` +
      `${i.amountRecovered ? `；挽回经济损失 ${i.amountRecovered} 元` : ''}；投诉人：${i.complainant}${i.phone ? `（${i.phone}）` : ''}`;
    return `  <entry>
    <id>${escape(`${page}#${i.ticketNo}`)}</id>
    <title>${escape(`${i.respondent}：${i.result}`)}</title>
    <updated>${i.closedOn}T00:00:00+08:00</updated>
    <link rel="alternate" href="${escape(`${page}?respondent=${encodeURIComponent(i.respondent)}`)}"/>
    <summary>${escape(summary)}</summary>
  </entry>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">
  <id>${escape(page)}</id>
  <title>投诉公示</title>
  <updated>${updated}</updated>
  <link rel="alternate" href="${escape(page)}"/>
  <link rel="self" href="${escape(`${base}/api/public/disclosure/feed`)}"/>
  <author><name>市场监督管理局</name></author>
${entries.join('\n')}
</feed>
`;
}
