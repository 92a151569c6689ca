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

/** The value of the digit run starting at `start`, accumulated as Go does (`n*10 + (r - '0')`), and where it ends. */
function digitRun(points: readonly number[], start: number, initial: number): { value: bigint; end: number } {
  let end = start;
  let small = initial;
  // Up to 15 ASCII digits stay exact in a double; longer or non-ASCII runs continue in int64.
  while (end < points.length && end - start < 15 && points[end]! >= 48 && points[end]! <= 57) {
    small = small * 10 + (points[end]! - 48);
    end++;
  }
  let value = BigInt(small);
  while (end < points.length && isDigit(points[end]!)) {
    value = wrapInt64(value * 10n + BigInt(points[end]! - 48));
    end++;
  }
  return { value, end };
}

/** yaml.v2's `keyList.Less` for two string keys. */
export function keyLess(a: string, b: string): boolean {
  if (isAsciiLetters(a) && isAsciiLetters(b)) return simpleLess(a, b);
  return runeLess(codePoints(a), codePoints(b));
}

/** A comparator for `Array.prototype.sort` in yaml.v2's key order. */
export function compareKeys(a: string, b: string): number {
  if (a === b) return 0;
  return keyLess(a, b) ? -1 : keyLess(b, a) ? 1 : 0;
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
  const sorted = [...keys].sort(compareCodePoints);
  if (sorted.length > MAX_INSERTION_SORT) return sorted.sort(compareKeys);
  for (let i = 1; i < sorted.length; i++) {
    for (let j = i; j > 0 && keyLess(sorted[j]!, sorted[j - 1]!); j--) {
      [sorted[j - 1], sorted[j]] = [sorted[j]!, sorted[j - 1]!];
    }
  }
  return sorted;
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

/** Keys of ASCII letters only compare by code unit: no digit runs or non-letters in play. */
function isAsciiLetters(text: string): boolean {
  return /^[A-Za-z]*$/.test(text);
}

function simpleLess(a: string, b: string): boolean {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return x < y;
  }
  return a.length < b.length;
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
    if (runA.value !== runB.value) return runA.value < runB.value;
    if (runA.end !== runB.end) return runA.end < runB.end;
    return x < y;
  }
  return a.length < b.length;
}
