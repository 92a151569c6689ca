/** Character classes of libyaml (go-yaml's C port), shared by the reader and the writer. */

/** libyaml's `is_printable`: code points that may appear in a scalar without escaping. */
export function isPrintable(code: number): boolean {
  return (
    code === 0x0a ||
    (code >= 0x20 && code <= 0x7e) ||
    (code >= 0xa0 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd && code !== 0xfeff)
  );
}

/** libyaml's `is_break`: LF, CR, NEL, LS and PS. */
export function isBreak(code: number): boolean {
  return code === 0x0a || code === 0x0d || code === 0x85 || code === 0x2028 || code === 0x2029;
}

/** `isBreak` for a one-character string (or `undefined` past the end). */
export function isBreakChar(char: string | undefined): boolean {
  return char !== undefined && char.length === 1 && isBreak(char.charCodeAt(0));
}

/** The length of `text` in UTF-8 bytes, which is what libyaml measures. */
export function utf8Length(text: string): number {
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) length += 1;
    else if (code < 0x800) length += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      length += 4;
      i++;
    } else length += 3;
  }
  return length;
}
