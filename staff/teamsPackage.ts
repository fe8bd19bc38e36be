/**
 * `npm run teams:package [-- --out dist/teams-app.zip]` — builds the Microsoft Teams app package:
 * appPackage/manifest.json filled from configuration (.env or the environment: MicrosoftAppId,
 * PRACTICE_NAME, TEAMS_APP_ID, PRACTICE_WEBSITE_URL, PRIVACY_URL, TERMS_URL, PUBLIC_URL, ...)
 * and the two icons, zipped at the root as Teams expects. Exits 1, writing nothing, when Teams
 * would refuse the package. The app is personal-scope only: a patient's questions about their
 * symptoms do not belong in a team channel or group chat where colleagues can read them.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import JSZip from 'jszip';
import { loadConfig } from '../config/BotConfig';
import { type Env, PACKAGE_ROOT } from '../config/environment';
import { commandLine } from './commandLine';
import { checkIcon, TEAMS_ICONS } from './teamsAppIcons';
import { checkManifest, fillManifest, manifestValues } from './teamsManifest';

export const APP_PACKAGE_DIR = join(PACKAGE_ROOT, 'appPackage');
export const DEFAULT_PACKAGE_PATH = 'dist/teams-app.zip';
/** A fixed file date makes the same inputs give the same zip, byte for byte. */
const FILE_DATE = new Date('2026-01-01T00:00:00Z');

export interface TeamsPackage {
  readonly problems: readonly string[];
  readonly manifest?: unknown;
  readonly zip?: Buffer;
}

/** `env` unset: the environment and .env, as the bot reads them. */
export async function buildTeamsPackage(env?: Env, dir = APP_PACKAGE_DIR): Promise<TeamsPackage> {
  let values: Record<string, string>;
  try {
    const { version } = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string };
    values = manifestValues(loadConfig(env), version);
  } catch (error) {
    return { problems: [(error as Error).message] };
  }
  const template = readFileSync(join(dir, 'manifest.json'), 'utf8');
  const { manifest, unknown } = fillManifest(template, values);
  const problems = [...unknown.map((name) => `manifest.json uses \${{${name}}}, which has no value`), ...checkManifest(manifest, template)];
  const icons = TEAMS_ICONS.map((rule) => ({ rule, png: readFileSync(join(dir, rule.name)) }));
  for (const { rule, png } of icons) problems.push(...checkIcon(png, rule));
  if (problems.length) return { problems, manifest };

  const zip = new JSZip();
  zip.file('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`, { date: FILE_DATE });
  for (const { rule, png } of icons) zip.file(rule.name, png, { date: FILE_DATE });
  return { problems, manifest, zip: await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }) };
}

async function main(args: readonly string[]): Promise<number> {
  const { values } = commandLine(args, `npm run teams:package [-- --out ${DEFAULT_PACKAGE_PATH}]`, {
    out: { type: 'string', default: DEFAULT_PACKAGE_PATH },
  });
  const { out } = values;
  const built = await buildTeamsPackage();
  if (!built.zip) {
    console.log('The Teams app package was not built:');
    for (const problem of built.problems) console.log(`  ERROR  ${problem}`);
    return 1;
  }
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, built.zip);
  const { id, name } = built.manifest as { id: string; name: { short: string } };
  console.log(`Wrote ${out} (${built.zip.length} bytes): "${name.short}", app id ${id}.`);
  console.log('Upload it in Teams (Apps > Manage your apps > Upload an app) or the Teams admin center.');
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => (process.exitCode = code));
}
