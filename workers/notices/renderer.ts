// Notices (文书) from handlebars templates: `<name>` inside the shared printable `_layout`,
// with each notice's catalog entry (title, number prefix, the article it rests on per
// regulation). Templates are data: process admins deploy new versions from the browser
// (server/templates), and the next notice renders with the version in force — read from the
// product database, falling back to config/notice-templates (template-source.ts).
import type pg from 'pg';
import { createHandlebars } from './helpers.ts';
import { LAYOUT, TemplateSource, type TemplateSet } from './template-source.ts';

export interface CatalogEntry {
  title: string;
  /** Prefix of the notice number: 投受〔2026〕000123号. */
  prefix: string;
  /** Article per regulation ('SAMR Order No. 20' …, or '*' for any); null where it is still to be confirmed. */
  articles: Record<string, string | null>;
  /** The law cited instead of the complaint measures (case documents cite the 行政处罚法). */
  law?: string;
}

export interface RenderedNotice {
  title: string;
  prefix: string;
  html: string;
}

export class NoticeTemplateMissing extends Error {}

const MEASURES: Record<string, string> = {
  'SAMR Order No. 20': '《市场监督管理投诉举报处理暂行办法》',
  'SAMR Order No. 121': '《市场监督管理投诉举报处理办法》',
};

export class NoticeRenderer {
  private readonly hb = createHandlebars();
  private readonly compiled = new Map<string, { content: string; render: HandlebarsTemplateDelegate }>();
  private readonly templates: () => Promise<TemplateSet>;

  /**
   * From a directory of template files, with the deployed versions of `pool`'s database in
   * force over them; or from a given set (the server's preview and pre-deploy check).
   */
  constructor(source: string | TemplateSet, pool?: Pick<pg.Pool, 'query'>) {
    if (typeof source === 'string') {
      const files = new TemplateSource(source, pool);
      this.templates = () => files.current();
    } else {
      this.templates = async () => source;
    }
  }

  async entry(name: string): Promise<CatalogEntry> {
    return entryOf(await this.templates(), name);
  }

  /**
   * The legal basis to print: the measures' name and the article for the regulation the
   * ticket is handled under; without a confirmed article, the measures alone ("有关规定").
   */
  async basis(name: string, regulation: string): Promise<{ measures: string; article: string | null; text: string; toConfirm: boolean }> {
    const entry = await this.entry(name);
    const measures = entry.law ?? MEASURES[regulation] ?? regulation;
    const article = entry.articles[regulation] ?? entry.articles['*'] ?? null;
    return { measures, article, text: article ? `${measures}${article}` : `${measures}有关规定`, toConfirm: article === null };
  }

  async render(name: string, context: Record<string, unknown>): Promise<RenderedNotice> {
    if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) throw new NoticeTemplateMissing(`文书模板名“${name}”无效`);
    // One read of the set: the layout and the template of this notice come from the same moment.
    const set = await this.templates();
    const entry = entryOf(set, name);
    this.hb.registerPartial('layout', this.compile(set, LAYOUT));
    const html = this.compile(set, name)({ ...context, title: entry.title });
    return { title: entry.title, prefix: entry.prefix, html };
  }

  private compile(set: TemplateSet, name: string): HandlebarsTemplateDelegate {
    const template = set.get(name);
    if (!template) throw new NoticeTemplateMissing(`文书模板“${name}”不存在`);
    const cached = this.compiled.get(name);
    if (cached?.content === template.content) return cached.render;
    // HTML-escaped by default: names and facts come from the public.
    const render = this.hb.compile(template.content);
    this.compiled.set(name, { content: template.content, render });
    return render;
  }
}

function entryOf(set: TemplateSet, name: string): CatalogEntry {
  const entry = set.get(name)?.entry;
  if (!entry) throw new NoticeTemplateMissing(`文书模板“${name}”未登记（标题、文号前缀、依据条款）：请在“文书模板”页面部署它`);
  return entry;
}
