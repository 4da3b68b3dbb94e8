// Short messages (reminders, SMS) from handlebars files in config/message-templates:
// `<name>.hbs`, its first line the title, the rest the text.
import fs from 'node:fs/promises';
import path from 'node:path';
import { createHandlebars } from '../notices/helpers.ts';

export class MessageTemplateMissing extends Error {}

export class MessageRenderer {
  private readonly hb = createHandlebars();
  private readonly compiled = new Map<string, { mtimeMs: number; title: HandlebarsTemplateDelegate; text: HandlebarsTemplateDelegate }>();

  constructor(private readonly dir: string) {}

  async render(name: string, context: Record<string, unknown>): Promise<{ title: string; text: string }> {
    if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) throw new MessageTemplateMissing(`消息模板名“${name}”无效`);
    const file = path.join(this.dir, `${name}.hbs`);
    let stat;
    try {
      stat = await fs.stat(file);
    } catch {
      throw new MessageTemplateMissing(`消息模板文件 ${file} 不存在`);
    }
    let cached = this.compiled.get(name);
    if (!cached || cached.mtimeMs !== stat.mtimeMs) {
      const source = await fs.readFile(file, 'utf8');
      const newline = source.indexOf('\n');
      const [title, text] = newline < 0 ? [source, ''] : [source.slice(0, newline), source.slice(newline + 1)];
      // Plain text out (WeCom markdown, SMS): no HTML escaping.
      cached = { mtimeMs: stat.mtimeMs, title: this.hb.compile(title, { noEscape: true }), text: this.hb.compile(text, { noEscape: true }) };
      this.compiled.set(name, cached);
    }
    return { title: cached.title(context).trim(), text: cached.text(context).trim() };
  }
}
