// Notices (文书) from handlebars templates in config/notice-templates: `<name>.hbs` inside the
// shared printable `_layout.hbs`, and `catalog.json` with each notice's title, number prefix
// and the article it rests on per regulation. Templates are data: edited without a release,
// and picked up again when their file changes.
import fs from 'node:fs/promises';
import path from 'node:path';
import { createHandlebars } from './helpers.ts';

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
  private readonly compiled = new Map<string, { mtimeMs: number; render: HandlebarsTemplateDelegate }>();
  private catalog?: { mtimeMs: number; entries: Record<string, CatalogEntry> };

  constructor(private readonly dir: string) {}

  async entry(name: string): Promise<CatalogEntry> {
    const entries = await this.loadCatalog();
    const entry = entries[name];
    if (!entry) throw new NoticeTemplateMissing(`文书模板“${name}”未在 ${path.join(this.dir, 'catalog.json')} 中登记`);
    return entry;
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
    const entry = await this.entry(name);
    await this.registerLayout();
    const template = await this.compile(name);
    const html = template({ ...context, title: entry.title });
    return { title: entry.title, prefix: entry.prefix, html };
  }

  private async loadCatalog(): Promise<Record<string, CatalogEntry>> {
    const file = path.join(this.dir, 'catalog.json');
    const stat = await fs.stat(file);
    if (this.catalog?.mtimeMs !== stat.mtimeMs) {
      this.catalog = { mtimeMs: stat.mtimeMs, entries: JSON.parse(await fs.readFile(file, 'utf8')) as Record<string, CatalogEntry> };
    }
    return this.catalog.entries;
  }

  private async registerLayout(): Promise<void> {
    const layout = await this.compile('_layout');
    this.hb.registerPartial('layout', layout);
  }

  private async compile(name: string): Promise<HandlebarsTemplateDelegate> {
    const file = path.join(this.dir, `${name}.hbs`);
    let stat;
    try {
      stat = await fs.stat(file);
    } catch {
      throw new NoticeTemplateMissing(`文书模板文件 ${file} 不存在`);
    }
    const cached = this.compiled.get(name);
    if (cached && cached.mtimeMs === stat.mtimeMs) return cached.render;
    // HTML-escaped by default: names and facts come from the public.
    const render = this.hb.compile(await fs.readFile(file, 'utf8'));
    this.compiled.set(name, { mtimeMs: stat.mtimeMs, render });
    return render;
  }
}
