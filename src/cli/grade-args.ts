/** Parses the `grade` command line: `--exercise <id> [--engine browser|node|server URL] [--json] [--junit FILE] FILE...`. */
import { ENGINE_NAMES, type EngineName } from './engines.ts';

export interface GradeArgs {
  exercise: string;
  engine: EngineName | undefined;
  /** The site's URL after `--engine server`. */
  serverUrl: string | undefined;
  json: boolean;
  junit: string | undefined;
  files: string[];
}

export const USAGE = 'usage: npm run --silent grade -- --exercise <id> [--engine browser|node|server URL] [--json] [--junit FILE] FILE...';

/** Parses `argv` (without node and the script); throws an Error with a usage message on bad input. */
export function parseGradeArgs(argv: readonly string[]): GradeArgs {
  let exercise: string | undefined;
  let engine: EngineName | undefined;
  let serverUrl: string | undefined;
  let json = false;
  let junit: string | undefined;
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const next = inline ?? argv[++i];
      if (next === undefined || next === '') throw new Error(`${flag} needs a value\n${USAGE}`);
      return next;
    };
    if (flag === '--exercise') exercise = value();
    else if (flag === '--engine') {
      const name = value();
      if (!(ENGINE_NAMES as readonly string[]).includes(name)) throw new Error(`unknown engine '${name}' (use ${ENGINE_NAMES.join(' or ')})\n${USAGE}`);
      engine = name as EngineName;
      if (engine === 'server') serverUrl = argv[++i];
    } else if (flag === '--json') json = true;
    else if (flag === '--junit') junit = value();
    else if (flag === '--help' || flag === '-h') throw new Error(USAGE);
    else if (flag === '--') continue;
    else if (flag.startsWith('-') && flag !== '-') throw new Error(`unknown option ${flag}\n${USAGE}`);
    else files.push(arg);
  }
  if (exercise === undefined) throw new Error(`--exercise is required\n${USAGE}`);
  if (files.length === 0) throw new Error(`give at least one FILE to grade\n${USAGE}`);
  if (engine === 'server' && (serverUrl === undefined || serverUrl.startsWith('-'))) throw new Error(`--engine server needs the site's URL\n${USAGE}`);
  return { exercise, engine, serverUrl, json, junit, files };
}
