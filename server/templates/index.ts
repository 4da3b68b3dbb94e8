// Notice templates (文书模板) as data: the versions process admins deploy from the browser,
// checked before they go live; the job workers render the next notice with the version in
// force (workers/notices/renderer.ts reads the same table). The files of
// config/notice-templates are each name's first version.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { readTemplateFiles } from '../../workers/index.ts';
import type { SessionUser } from '../auth/session-user.ts';
import type { Problem } from '../deployments/check.ts';
import type { ServerContext } from '../context.ts';
import { HttpError } from '../http/errors.ts';
import { transaction } from '../../database/index.ts';
import { checkDraft, type TemplateDraft } from './check.ts';
import { recordTemplateVersion, runningVersion, templateChecksum, type TemplateVersionRow } from './store.ts';

export { checkDraft, REGULATIONS, type DraftCheck, type TemplateDraft } from './check.ts';
export { runningVersion, runningVersions, versionJson, versionOf, versionsOf, type TemplateVersionRow } from './store.ts';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The seed files: NOTICE_TEMPLATES_DIR, as the workers read it, or the repository's. */
export const noticeTemplatesDir = () => process.env.NOTICE_TEMPLATES_DIR || path.join(ROOT, 'config', 'notice-templates');

/**
 * The files are the product's defaults. A name with no version gets its file as version 1; a
 * name whose version in force is still a default (nobody deployed it from the page) gets the
 * file again as a new version when a release changed it. What an administrator deployed stays.
 */
export async function seedNoticeTemplates(pool: pg.Pool, dir: string, now: Date): Promise<string[]> {
  const seeded: string[] = [];
  for (const t of (await readTemplateFiles(dir)).values()) {
    const running = await runningVersion(pool, t.name);
    if (running && (running.deployed_by_login !== null || running.checksum === templateChecksum(t.content, t.entry))) continue;
    await transaction(pool, (db) => recordTemplateVersion(db, { ...t, deployedAt: now }));
    seeded.push(t.name);
  }
  return seeded;
}

export interface TemplateDeployment {
  name: string;
  version: number;
  /** False when text and entry equal the version in force: nothing new was recorded. */
  changed: boolean;
  warnings: Problem[];
}

/** Checks the draft and, when it passes, makes it the version in force: the next notice renders with it. */
export async function deployTemplate(ctx: ServerContext, user: SessionUser | undefined, draft: TemplateDraft, rolledBackFrom?: TemplateVersionRow): Promise<TemplateDeployment> {
  const checked = await checkDraft(ctx.pool, draft);
  if (!checked.ok) {
    const errors = checked.problems.filter((p) => p.severity === 'error');
    throw new HttpError(400, 'CHECK_FAILED', `文书模板“${draft.name}”检查未通过，未部署：${errors.map((p) => p.message).join('；')}`, undefined, { problems: checked.problems });
  }
  const running = await runningVersion(ctx.pool, draft.name);
  if (running?.checksum === templateChecksum(draft.content, draft.entry)) {
    return { name: draft.name, version: running.version, changed: false, warnings: checked.problems };
  }
  const version = await transaction(ctx.pool, (db) => recordTemplateVersion(db, {
    ...draft, deployedBy: user?.id, rolledBackFrom: rolledBackFrom?.id, deployedAt: ctx.clock(),
  }));
  ctx.log.info({ template: draft.name, version, user: user?.login, rolledBackFrom: rolledBackFrom?.version }, 'notice template deployed');
  return { name: draft.name, version, changed: true, warnings: checked.problems };
}
