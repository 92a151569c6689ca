/**
 * kustomize's own document splitting (kyaml `ByteReader`): Windows line ends become `\n`, then
 * the text is cut at every line starting with `---`. Only a comment may follow the marker.
 */

/** One document's text and where it starts in the (normalised) stream. */
export interface DocumentChunk {
  readonly text: string;
  /** Offset of `text` in the normalised stream. */
  readonly offset: number;
}

/** What `splitDocuments` found wrong: the separator line and its offset. */
export class InvalidSeparatorError extends Error {
  constructor(
    readonly separator: string,
    readonly offset: number,
  ) {
    super(`invalid document separator: ${separator}`);
  }
}

/** The stream with CRLF line ends turned into `\n`, as kyaml does before splitting. */
export function normaliseLineEnds(text: string): string {
  return text.includes('\r\n') ? text.replace(/\r\n/g, '\n') : text;
}

/**
 * The documents of a normalised stream, cut as kyaml cuts them: at each `\n---…\n`, keeping the
 * newline that ends a document (kyaml adds it back to every document but the last). Matches do not
 * overlap, so of two `---` lines in a row the second stays in the next document's text.
 * An empty stream has no documents.
 */
export function splitDocuments(text: string): DocumentChunk[] {
  const chunks: DocumentChunk[] = [];
  if (text === '') return chunks;
  const separator = /\n---[^\n]*\n/g;
  let previous = 0;
  for (let match = separator.exec(text); match !== null; match = separator.exec(text)) {
    const rest = match[0].slice(4).trim();
    if (rest !== '' && !rest.startsWith('#')) throw new InvalidSeparatorError(match[0].trim(), match.index + 1);
    chunks.push({ text: `${text.slice(previous, match.index)}\n`, offset: previous });
    previous = match.index + match[0].length;
  }
  chunks.push({ text: text.slice(previous), offset: previous });
  return chunks;
}
