/**
 * The staff commands' arguments, read with node:util's parseArgs: `--name value`, `--name=value`,
 * flags and positionals. A mistyped option stops the command with its usage instead of being ignored.
 */
import { type ParseArgsConfig, parseArgs } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;
type Config<O extends Options> = { args: string[]; options: O; allowPositionals: true; strict: true };

/** `--help` prints `usage` and exits 0; a wrong argument prints why and the usage, and exits 2. */
export function commandLine<const O extends Options>(
  args: readonly string[],
  usage: string,
  options: O,
): ReturnType<typeof parseArgs<Config<O>>> {
  if (args.includes('--help')) {
    console.log(`usage: ${usage}`);
    process.exit(0);
  }
  try {
    return parseArgs<Config<O>>({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    console.error(`${(error as Error).message}\nusage: ${usage}`);
    process.exit(2);
  }
}
