/** Where a YAML document sits in its file, and errors that say so. */
import { KustomizeError } from '../errors.js';
import { MAX_NESTING } from './compose.js';

/** One document's text and where it sits in its file, for error messages. */
export interface SourceText {
  readonly text: string;
  readonly offset: number;
  readonly lines: LineIndex;
  readonly file: string;
  readonly document: number;
  /** Set for resources and patches, whose YAML errors kustomize reports as `… in File: <file>` (its MalformedYAMLError). */
  readonly resourceFile?: boolean;
}

/** Line and column (1-based) of offsets in a file. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  /** `line L, column C` of `offset`. */
  describe(offset: number): string {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return `line ${low + 1}, column ${offset - this.starts[low]! + 1}`;
  }
}

/** A `yaml-syntax` error at `offset` of the document, naming its file, document and line. */
export function syntaxError(source: SourceText, offset: number, message: string, hint?: string): KustomizeError {
  return new KustomizeError(
    'yaml-syntax',
    `${source.lines.describe(source.offset + offset)}: ${message}${source.resourceFile === true ? ` in File: ${source.file}` : ''}`,
    { file: source.file, document: source.document },
    hint,
  );
}

/**
 * A `yaml-syntax` error as kubectl words it: go-yaml's `yaml: line N: <libyaml's message>` (no line where go-yaml
 * names none), for resources inside kustomize's `MalformedYAMLError: … in File: <file>`. Where the `yaml` package
 * stopped is kept in the hint.
 */
export function goYamlError(source: SourceText, offset: number, line: number | undefined, message: string, hint?: string): KustomizeError {
  const text = `yaml: ${line === undefined ? '' : `line ${line}: `}${message}`;
  const where = `${source.lines.describe(source.offset + offset)}${hint === undefined ? '' : `: ${hint}`}`;
  return new KustomizeError(
    'yaml-syntax',
    source.resourceFile === true ? `MalformedYAMLError: ${text} in File: ${source.file}` : text,
    { file: source.file, document: source.document },
    where,
  );
}

/** The `limit-exceeded` error for a stack overflow while reading, or undefined for any other error. */
export function asLimitError(error: unknown, source: SourceText): KustomizeError | undefined {
  return error instanceof RangeError && /call stack/i.test(error.message) ? limitError(source) : undefined;
}

/** The error for a document whose collections nest deeper than {@link MAX_NESTING}, at `offset`. */
export function nestingError(source: SourceText, offset: number): KustomizeError {
  return new KustomizeError(
    'limit-exceeded',
    `${source.lines.describe(source.offset + offset)}: collections nest more than ${MAX_NESTING} levels deep`,
    { file: source.file, document: source.document },
    'flatten the document',
  );
}

/** The error for YAML nested too deeply to read. */
export function limitError(source: SourceText): KustomizeError {
  return new KustomizeError('limit-exceeded', 'YAML is nested too deeply', { file: source.file, document: source.document }, 'flatten the document');
}
