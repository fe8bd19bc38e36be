/**
 * Where settings come from: the process environment over the package's optional .env file (the
 * environment wins, as dotenv does), read in this one place for the bot and every staff command.
 * Relative paths in settings are read from the package root too, so `npm start` run from another
 * folder (a service manager, a container's WORKDIR) finds the same files.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { parse } from 'dotenv';

export type Env = Readonly<Record<string, string | undefined>>;

/** The folder of package.json: the repository, or the deployed app (dist/ has none of its own). */
export const PACKAGE_ROOT = findPackageRoot(__dirname);

function findPackageRoot(from: string): string {
  for (let folder = from; ; folder = dirname(folder)) {
    if (existsSync(join(folder, 'package.json'))) return folder;
    if (dirname(folder) === folder) return from;
  }
}

/** A path from a setting: absolute as given, relative from the package root. */
export function fromPackageRoot(path: string): string {
  return isAbsolute(path) ? path : join(PACKAGE_ROOT, path);
}

export interface Environment {
  readonly values: Env;
  /** The variables whose value came from the .env file. */
  readonly fromDotEnv: ReadonlySet<string>;
}

/** Blank counts as unset, so a blank line in .env means "use the default". */
export function isSet(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== '';
}

export function readEnvironment(processEnv: Env, root: string): Environment {
  const path = join(root, '.env');
  const file = existsSync(path) ? parse(readFileSync(path)) : {};
  const fromDotEnv = new Set(Object.keys(file).filter((name) => isSet(file[name]) && !isSet(processEnv[name])));
  const values = { ...processEnv };
  for (const name of fromDotEnv) values[name] = file[name];
  return { values, fromDotEnv };
}

let current: Environment | undefined;

/** This process's settings, read once. */
export function processEnvironment(): Environment {
  current ??= readEnvironment(process.env, PACKAGE_ROOT);
  return current;
}
