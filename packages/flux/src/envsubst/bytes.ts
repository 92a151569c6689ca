/**
 * Flux's envsubst is Go code that works on the bytes of UTF-8 strings: positions, lengths (`${#var}`) and
 * substrings (`${var:1:2}`) count bytes, while identifiers, case changes and `?` in patterns work on runes.
 * To keep those rules exactly, the envsubst modules hold text as "byte strings": JS strings whose every
 * code unit is one byte (0–255). These helpers convert at the edges and decode runes as Go does.
 */

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: false });

/** A JS string as a byte string of its UTF-8 encoding. */
export function toBytes(text: string): string {
  let out = '';
  for (const byte of encoder.encode(text)) out += String.fromCharCode(byte);
  return out;
}

/** A byte string decoded as UTF-8 (invalid sequences become U+FFFD). */
export function fromBytes(bytes: string): string {
  const array = new Uint8Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) array[i] = bytes.charCodeAt(i);
  return decoder.decode(array);
}

/** Go's `utf8.RuneError`, what an invalid sequence decodes to. */
export const runeError = 0xfffd;

/**
 * The rune at `index` of a byte string and how many bytes it takes, as Go's `utf8.DecodeRuneInString`:
 * an invalid or truncated sequence is U+FFFD of width 1.
 */
export function decodeRune(bytes: string, index: number): { rune: number; width: number } {
  const b0 = bytes.charCodeAt(index);
  if (b0 < 0x80) return { rune: b0, width: 1 };
  const need = b0 >= 0xf0 && b0 < 0xf5 ? 4 : b0 >= 0xe0 ? 3 : b0 >= 0xc2 ? 2 : 0;
  if (need === 0 || index + need > bytes.length || (need === 3 && b0 >= 0xf0)) return { rune: runeError, width: 1 };
  let rune = b0 & (need === 2 ? 0x1f : need === 3 ? 0x0f : 0x07);
  for (let k = 1; k < need; k++) {
    const b = bytes.charCodeAt(index + k);
    if ((b & 0xc0) !== 0x80) return { rune: runeError, width: 1 };
    rune = (rune << 6) | (b & 0x3f);
  }
  const tooSmall = need === 2 ? rune < 0x80 : need === 3 ? rune < 0x800 : rune < 0x10000;
  if (tooSmall || rune > 0x10ffff || (rune >= 0xd800 && rune <= 0xdfff)) return { rune: runeError, width: 1 };
  return { rune, width: need };
}

/** The runes of a byte string, each with its bytes. */
export function runes(bytes: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < bytes.length; ) {
    const { width } = decodeRune(bytes, i);
    out.push(bytes.slice(i, i + width));
    i += width;
  }
  return out;
}

/** The byte string of one rune. */
export function runeBytes(rune: number): string {
  return toBytes(String.fromCodePoint(rune));
}

/**
 * Maps one rune through a case function the way Go's `unicode.ToLower`/`ToUpper` do: a rune whose
 * mapping is not a single rune (`ß` → `SS`) is left as it is.
 */
export function mapRuneCase(rune: number, toCase: (text: string) => string): number {
  if (rune === runeError) return rune;
  const mapped = [...toCase(String.fromCodePoint(rune))];
  return mapped.length === 1 ? mapped[0]!.codePointAt(0)! : rune;
}
