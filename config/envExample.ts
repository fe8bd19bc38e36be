/**
 * `.env.example`, written from the declarations in settings.ts: `npm run config:example` after
 * adding or changing a variable there (a test fails while the two disagree).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from './environment';
import { SETTINGS, type Setting } from './settings';

export const ENV_EXAMPLE_PATH = join(PACKAGE_ROOT, '.env.example');

const HEADER = `# Copy to .env and fill in. Every variable is optional for local development: \`npm start\` runs with
# none of them. Blank values mean "use the default".
# Written by \`npm run config:example\` from config/settings.ts: change a variable there, not here.`;

export function envExampleText(): string {
  const lines = [HEADER];
  for (const [name, setting] of Object.entries<Setting>(SETTINGS)) {
    if (setting.section) lines.push(`\n# --- ${setting.section} ---`);
    for (const line of setting.description.split('\n')) lines.push(`# ${line}`);
    lines.push(`${name}=${setting.example ?? setting.default ?? ''}`);
  }
  return `${lines.join('\n')}\n`;
}

if (require.main === module) {
  writeFileSync(ENV_EXAMPLE_PATH, envExampleText());
  console.log(`Wrote ${ENV_EXAMPLE_PATH}`);
}
