/** Parses the `grade` command line: `--exercise <id> [--engine browser|node|server URL] [--json] [--junit FILE] FILE...`. */
import { parseArgs } from 'node:util';
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

const OPTIONS = {
  exercise: { type: 'string' },
  engine: { type: 'string' },
  json: { type: 'boolean' },
  junit: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Parses `argv` (without node and the script); throws an Error with a usage message on bad input. */
export function parseGradeArgs(argv: readonly string[]): GradeArgs {
  const parsed = parseOrExplain(argv);
  const { values } = parsed;
  if (values.help === true) throw new Error(USAGE);
  for (const name of ['exercise', 'engine', 'junit'] as const) {
    if (values[name] === '') throw new Error(`--${name} needs a value\n${USAGE}`);
  }
  const engineName = values.engine;
  if (engineName !== undefined && !(ENGINE_NAMES as readonly string[]).includes(engineName)) {
    throw new Error(`unknown engine '${engineName}' (use ${ENGINE_NAMES.join(' or ')})\n${USAGE}`);
  }
  const engine = engineName as EngineName | undefined;
  // `--engine server URL`: the URL is the argument right after the engine's name, not a FILE.
  const urlToken = engine === 'server' ? argumentAfterEngine(parsed.tokens) : undefined;
  const files = parsed.tokens.filter(isPositional).filter((token) => token !== urlToken).map((token) => token.value);
  const serverUrl = urlToken?.value;
  if (values.exercise === undefined) throw new Error(`--exercise is required\n${USAGE}`);
  if (files.length === 0) throw new Error(`give at least one FILE to grade\n${USAGE}`);
  if (engine === 'server' && serverUrl === undefined) throw new Error(`--engine server needs the site's URL\n${USAGE}`);
  return { exercise: values.exercise, engine, serverUrl, json: values.json === true, junit: values.junit, files };
}

type Parsed = ReturnType<typeof parseWithTokens>;
type Token = Parsed['tokens'][number];
type Positional = Extract<Token, { kind: 'positional' }>;

const isPositional = (token: Token): token is Positional => token.kind === 'positional';

function parseWithTokens(argv: readonly string[]) {
  return parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true, tokens: true });
}

/** parseArgs, with its errors turned into the CLI's own one-line messages plus the usage line. */
function parseOrExplain(argv: readonly string[]): Parsed {
  try {
    return parseWithTokens(argv);
  } catch (thrown) {
    const code = (thrown as { code?: unknown }).code;
    const message = thrown instanceof Error ? thrown.message : String(thrown);
    const flag = /'(-[^' ]+)/.exec(message)?.[1] ?? '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new Error(`unknown option ${flag}\n${USAGE}`);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      const takesValue = OPTIONS[flag.replace(/^-+/, '') as keyof typeof OPTIONS]?.type === 'string';
      throw new Error(`${flag} ${takesValue ? 'needs a value' : 'takes no value'}\n${USAGE}`);
    }
    throw new Error(`${message}\n${USAGE}`);
  }
}

/** The positional argument that directly follows the last `--engine server` on the command line. */
function argumentAfterEngine(tokens: readonly Token[]): Positional | undefined {
  const engineAt = tokens.findLastIndex((token) => token.kind === 'option' && token.name === 'engine');
  const engineToken = tokens[engineAt];
  if (engineToken?.kind !== 'option') return undefined;
  const next = tokens[engineAt + 1];
  const urlIndex = engineToken.index + (engineToken.inlineValue === true ? 1 : 2);
  return next !== undefined && isPositional(next) && next.index === urlIndex ? next : undefined;
}
