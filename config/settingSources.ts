/**
 * The start-up log line that says where each setting came from (default, .env or the environment),
 * so "why does the bot use that number?" is answered from the log. Secrets show only their source.
 */
import { type Environment, isSet } from './environment';
import { SETTINGS, type Setting } from './settings';

export type SettingSource = 'default' | '.env' | 'environment';

export function settingSources(environment: Environment): Record<string, string> {
  const report: Record<string, string> = {};
  for (const [name, setting] of Object.entries<Setting>(SETTINGS)) {
    const raw = environment.values[name];
    const source: SettingSource = !isSet(raw) ? 'default' : environment.fromDotEnv.has(name) ? '.env' : 'environment';
    const value = source === 'default' ? setting.default : setting.secret ? 'set' : raw?.trim();
    report[name] = value === undefined || value === '' ? `(${source})` : `${value} (${source})`;
  }
  return report;
}
