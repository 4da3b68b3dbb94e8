// Checking a notice template before it goes live: it compiles, it renders on the sample ticket
// inside the layout in force (a new layout: every notice renders inside it), and its catalog
// entry gives an article — or null, "to be confirmed" — for every regulation.
import Handlebars from 'handlebars';
import type pg from 'pg';
import { LAYOUT, NoticeRenderer, type CatalogEntry, type NoticeTemplate, type RenderedNotice } from '../../workers/index.ts';
import type { Problem } from '../deployments/check.ts';
import { sampleNoticeData } from './sample.ts';
import { runningVersions } from './store.ts';

export interface TemplateDraft {
  name: string;
  content: string;
  /** The catalog entry; null for the layout. */
  entry: CatalogEntry | null;
}

export interface DraftCheck {
  ok: boolean;
  problems: Problem[];
  /** The notice rendered on the sample ticket (for the layout: the first notice in force). */
  preview?: RenderedNotice;
}

/** The regulations a ticket can fall under (domain regulationFor); '*' stands for all of them. */
export const REGULATIONS = ['SAMR Order No. 20', 'SAMR Order No. 121'] as const;

export async function checkDraft(db: pg.Pool, draft: TemplateDraft): Promise<DraftCheck> {
  const file = `${draft.name}.hbs`;
  const problems: Problem[] = [];
  const error = (message: string) => problems.push({ file, severity: 'error', message });

  try {
    Handlebars.precompile(draft.content);
  } catch (err) {
    error(`文书模板“${draft.name}”无法编译：${(err as Error).message.split('\n').join(' ')}`);
  }
  const running = await runningVersions(db);
  if (draft.name === LAYOUT) {
    if (draft.entry) error('版式（_layout）没有目录项：请不要填写标题、文号前缀和条款');
    if (!/\{\{>\s*@partial-block\s*\}\}/.test(draft.content)) error('版式（_layout）须包含 {{> @partial-block}}：各文书的正文插在这里');
  } else if (!draft.entry) {
    error(`文书模板“${draft.name}”缺少目录项：请填写标题、文号前缀和各规章版本的依据条款`);
  } else {
    const missing = REGULATIONS.filter((r) => !(r in draft.entry!.articles));
    if (!('*' in draft.entry.articles) && missing.length) {
      error(`文书模板“${draft.name}”的依据条款缺少 ${missing.join('、')}：请填写条款，尚待核对的填 null（文书中写“有关规定”），或用 * 表示各版本相同`);
    }
    const samePrefix = running.find((r) => r.name !== draft.name && r.entry?.prefix === draft.entry!.prefix);
    if (samePrefix) {
      problems.push({ file, severity: 'warning', message: `文号前缀“${draft.entry.prefix}”与“${samePrefix.entry!.title}”相同：两种文书将共用一个编号序列` });
    }
    if (!/\{\{#>\s*layout\s*\}\}/.test(draft.content)) {
      problems.push({ file, severity: 'warning', message: '模板未使用 {{#> layout}} … {{/layout}}：文书将没有统一的抬头、文号和落款' });
    }
  }
  if (problems.some((p) => p.severity === 'error')) return { ok: false, problems };

  const set = new Map<string, NoticeTemplate>(running.map((r) => [r.name, { name: r.name, content: r.content, entry: r.entry, version: r.version }]));
  set.set(draft.name, { ...draft, version: null });
  const renderer = new NoticeRenderer(set);
  // The layout frames every notice: each one must still render with the new one.
  const names = draft.name === LAYOUT ? [...set.keys()].filter((n) => n !== LAYOUT && set.get(n)!.entry) : [draft.name];
  let preview: RenderedNotice | undefined;
  for (const name of names) {
    try {
      const rendered = await renderer.render(name, await sampleNoticeData(renderer, name));
      preview ??= rendered;
    } catch (err) {
      error(`文书模板“${name}”在示例工单上生成失败：${(err as Error).message.split('\n').join(' ')}`);
    }
  }
  return { ok: !problems.some((p) => p.severity === 'error'), problems, preview };
}
