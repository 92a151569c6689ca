/**
 * The order in which yaml.v2 prints map keys (its `keyList.Less` for string keys): character by
 * character, letters after everything else, and runs of digits compared as numbers — so `a9`
 * sorts before `a10`, and `9` before `10`.
 *
 * That comparison is not always transitive (`a10` < `a1b` < `a9` < `a10`). For such keys Go's
 * result depends on the map's random iteration order, so kubectl's output varies from run to run;
 * {@link sortKeys} reproduces its most frequent order.
 */

const LETTER = /^\p{L}$/u;
const DIGIT = /^\p{Nd}$/u;

function isLetter(codePoint: number): boolean {
  if (codePoint < 128) return (codePoint >= 65 && codePoint <= 90) || (codePoint >= 97 && codePoint <= 122);
  return LETTER.test(String.fromCodePoint(codePoint));
}

function isDigit(codePoint: number): boolean {
  if (codePoint < 128) return codePoint >= 48 && codePoint <= 57;
  return DIGIT.test(String.fromCodePoint(codePoint));
}

function codePoints(text: string): number[] {
  const points: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.codePointAt(i)!;
    points.push(code);
    if (code > 0xffff) i++;
  }
  return points;
}

/** Wraps like Go's int64 arithmetic, which the digit-run comparison uses. */
function wrapInt64(value: bigint): bigint {
  return BigInt.asIntN(64, value);
}

/**
 * The value of the digit run starting at `start`, accumulated as Go does (`n*10 + (r - '0')`,
 * wrapping like an int64), and where it ends. Short ASCII runs stay plain numbers.
 */
function digitRun(points: readonly number[], start: number, initial: number): { value: number | bigint; end: number } {
  let end = start;
  let small = initial;
  while (end < points.length && end - start < 15 && points[end]! >= 48 && points[end]! <= 57) {
    small = small * 10 + (points[end]! - 48);
    end++;
  }
  if (end >= points.length || !isDigit(points[end]!)) return { value: small, end };
  let value = BigInt(small);
  while (end < points.length && isDigit(points[end]!)) {
    value = wrapInt64(value * 10n + BigInt(points[end]! - 48));
    end++;
  }
  return { value, end };
}

/** yaml.v2's `keyList.Less` for two string keys. */
export function keyLess(a: string, b: string): boolean {
  return runeLess(codePoints(a), codePoints(b));
}

function compareRunes(a: readonly number[], b: readonly number[]): number {
  return runeLess(a, b) ? -1 : runeLess(b, a) ? 1 : 0;
}

/** Go's `sort.Sort` sorts up to this many elements by insertion. */
const MAX_INSERTION_SORT = 12;

/**
 * The keys in the order yaml.v2 prints them. Go sorts the keys as its map yields them: for a
 * small map (the usual case) that is most often the JSON order, i.e. byte order, and Go's
 * `sort.Sort` orders a dozen or fewer elements by insertion — done the same way here, so even a
 * non-transitive set of keys lands in kubectl's most frequent order.
 */
export function sortKeys(keys: readonly string[]): string[] {
  // Without digits or non-ASCII characters the order is a plain total order: no cycles to mind.
  if (keys.every((key) => ASCII_WITHOUT_DIGITS.test(key))) return [...keys].sort(compareAsciiWithoutDigits);
  const entries = keys.map((key) => ({ key, runes: codePoints(key) })).sort((x, y) => compareCodePoints(x.key, y.key));
  if (entries.length > MAX_INSERTION_SORT) entries.sort((x, y) => compareRunes(x.runes, y.runes));
  else {
    for (let i = 1; i < entries.length; i++) {
      for (let j = i; j > 0 && runeLess(entries[j]!.runes, entries[j - 1]!.runes); j--) {
        [entries[j - 1], entries[j]] = [entries[j]!, entries[j - 1]!];
      }
    }
  }
  return entries.map((entry) => entry.key);
}

const ASCII_WITHOUT_DIGITS = /^[\x00-\x2f\x3a-\x7f]*$/;

/** yaml.v2's order for ASCII keys without digits: non-letters before letters, else by code. */
function compareAsciiWithoutDigits(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const xLetter = isLetter(x);
    if (xLetter !== isLetter(y)) return xLetter ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}

/** Code-point order, which is the UTF-8 byte order Go's `sort.Strings` gives JSON keys. */
function compareCodePoints(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // A surrogate (astral character) sorts after every BMP character in code-point order.
    const xAstral = x >= 0xd800 && x <= 0xdfff;
    const yAstral = y >= 0xd800 && y <= 0xdfff;
    if (xAstral !== yAstral) return xAstral ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}

function runeLess(a: readonly number[], b: readonly number[]): boolean {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x === y) continue;
    const xLetter = isLetter(x);
    const yLetter = isLetter(y);
    if (xLetter && yLetter) return x < y;
    if (xLetter || yLetter) return yLetter;
    // Both are non-letters: compare the digit runs here, numerically.
    let initial = 0;
    if (x === 48 || y === 48) {
      // A zero continuing a run of digits with a non-zero digit counts as part of a number.
      for (let j = i - 1; j >= 0 && isDigit(a[j]!); j--) {
        if (a[j] !== 48) {
          initial = 1;
          break;
        }
      }
    }
    const runA = digitRun(a, i, initial);
    const runB = digitRun(b, i, initial);
    // `<` and `>` compare a number with a bigint by value.
    if (runA.value < runB.value) return true;
    if (runA.value > runB.value) return false;
    if (runA.end !== runB.end) return runA.end < runB.end;
    return x < y;
  }
  return a.length < b.length;
}
