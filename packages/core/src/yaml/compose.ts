/**
 * The `yaml` package's `parseAllDocuments`, made safe for hostile input and independent of the environment.
 * - Depth: the package composes documents recursively. A document nested some thousands of levels deep
 *   exhausts the call stack, and near its end V8 may even abort the process (a regular expression compiled
 *   there fails fatally). The parser builds its tree with an explicit stack, so the tokens are fed to it one
 *   at a time and reading stops once that stack is deeper than {@link MAX_NESTING}, before anything recursive runs.
 * - Environment: the package's Node build prints every token (`LOG_TOKENS`) or every composed node
 *   (`LOG_STREAM`) to stdout when those variables are set; they are hidden from it while it runs.
 */
import { Composer, type Document, type DocumentOptions, Lexer, type ParseOptions, Parser, type SchemaOptions } from 'yaml';

/**
 * The deepest nesting of collections a document may have. kubectl (yaml.v3) allows 10,000; a tenth keeps
 * every recursive step (composing, converting, patching, printing) well inside the default call stack,
 * and real documents stay below 100.
 */
export const MAX_NESTING = 1000;

/** Lexer tokens that mark structure without standing for source characters. */
const markerTokens = new Set(['\u0002', '\u0018', '\u001f']);

/** What {@link composeDocuments} read: the documents, or the offset where the nesting passed the limit. */
export type Composed = { readonly documents: Document.Parsed[] } | { readonly tooDeepAt: number };

/** Every document of `text`, as `parseAllDocuments(text, options)` gives them, unless it nests too deeply. */
export function composeDocuments(text: string, options: ParseOptions & DocumentOptions & SchemaOptions): Composed {
  return withoutYamlLogging(() => {
    const parser = new Parser();
    const tokens = [];
    let offset = 0;
    for (const lexeme of new Lexer().lex(text)) {
      for (const token of parser.next(lexeme)) tokens.push(token);
      // The parser's stack is the nesting so far. (A flow sequence entry `a: b` becomes a mapping when composed,
      // so the tree can be up to twice as deep; the converter bounds that, and composing so far is still safe.)
      if (parser.stack.length > MAX_NESTING) return { tooDeepAt: offset };
      if (!markerTokens.has(lexeme)) offset += lexeme.length;
    }
    for (const token of parser.end()) tokens.push(token);
    return { documents: Array.from(new Composer(options).compose(tokens)) };
  });
}

const loggingVariables = ['LOG_TOKENS', 'LOG_STREAM'] as const;

/** Runs `work` (synchronous) with the `yaml` package's debug-logging variables unset, and restores them. */
export function withoutYamlLogging<T>(work: () => T): T {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  if (env === undefined || loggingVariables.every((name) => env[name] === undefined)) return work();
  const saved = loggingVariables.map((name) => [name, env[name]] as const);
  for (const name of loggingVariables) delete env[name];
  try {
    return work();
  } finally {
    for (const [name, value] of saved) if (value !== undefined) env[name] = value;
  }
}
