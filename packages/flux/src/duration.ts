import { KustomizeError } from '@kustomize-ts/core';
/**
 * Go's `time.Duration` as Flux reads and prints it: `time.ParseDuration` for flags and `metav1.Duration`
 * fields, `Duration.String()` for output (`1m0s`, `2h0m0s`, `1.5s`, `300ms`). Durations are nanoseconds held
 * in a `bigint`, so a year-long interval keeps every digit as Go does.
 */

/** One nanosecond, the unit of a {@link GoDuration}. */
export type GoDuration = bigint;

const nanosecond = 1n;
const microsecond = 1000n * nanosecond;
const millisecond = 1000n * microsecond;
const second = 1000n * millisecond;
const minute = 60n * second;
const hour = 60n * minute;

const units: ReadonlyMap<string, bigint> = new Map([
  ['ns', nanosecond],
  ['us', microsecond],
  ['\u00b5s', microsecond],
  ['\u03bcs', microsecond],
  ['ms', millisecond],
  ['s', second],
  ['m', minute],
  ['h', hour],
]);

const maxMagnitude = 1n << 63n;

/** Thrown by {@link parseGoDuration} with Go's own message, e.g. `time: invalid duration "x"`. */
export class DurationError extends KustomizeError {
  override readonly name = 'DurationError';

  constructor(message: string) {
    super('invalid-argument', message);
  }
}

/** Quotes as Go's time package does in its errors: `"` and `\` escaped, control and non-ASCII bytes as `\xNN`. */
function goTimeQuote(text: string): string {
  let out = '"';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x20 || code >= 0x80) {
      for (const byte of new TextEncoder().encode(char)) out += `\\x${byte.toString(16).padStart(2, '0')}`;
    } else {
      out += char === '"' || char === '\\' ? `\\${char}` : char;
    }
  }
  return `${out}"`;
}

function isDigit(char: string | undefined): boolean {
  return char !== undefined && char >= '0' && char <= '9';
}

/**
 * Parses a duration exactly as Go's `time.ParseDuration`: a signed sequence of decimal numbers with
 * units (`300ms`, `-1.5h`, `2h45m`), or `0`.
 *
 * @throws {@link DurationError} with Go's message when the text is not a duration.
 */
export function parseGoDuration(text: string): GoDuration {
  const invalid = () => new DurationError(`time: invalid duration ${goTimeQuote(text)}`);
  let rest = text;
  let negative = false;
  if (rest.startsWith('-') || rest.startsWith('+')) {
    negative = rest.startsWith('-');
    rest = rest.slice(1);
  }
  if (rest === '0') return 0n;
  if (rest === '') throw invalid();
  let total = 0n;
  while (rest !== '') {
    if (!(rest[0] === '.' || isDigit(rest[0]))) throw invalid();
    let index = 0;
    let whole = 0n;
    while (isDigit(rest[index])) {
      if (whole > maxMagnitude / 10n) throw invalid();
      whole = whole * 10n + BigInt(rest.charCodeAt(index) - 48);
      if (whole > maxMagnitude) throw invalid();
      index++;
    }
    const hadWhole = index > 0;
    let fraction = 0n;
    let scale = 1;
    let hadFraction = false;
    if (rest[index] === '.') {
      index++;
      const fractionStart = index;
      let overflow = false;
      while (isDigit(rest[index])) {
        if (!overflow) {
          const next = fraction * 10n + BigInt(rest.charCodeAt(index) - 48);
          if (fraction > (maxMagnitude - 1n) / 10n || next > maxMagnitude) overflow = true;
          else {
            fraction = next;
            scale *= 10;
          }
        }
        index++;
      }
      hadFraction = index > fractionStart;
    }
    if (!hadWhole && !hadFraction) throw invalid();
    const unitStart = index;
    while (index < rest.length && rest[index] !== '.' && !isDigit(rest[index])) index++;
    if (index === unitStart) throw new DurationError(`time: missing unit in duration ${goTimeQuote(text)}`);
    const unitName = rest.slice(unitStart, index);
    const unit = units.get(unitName);
    if (unit === undefined) throw new DurationError(`time: unknown unit ${goTimeQuote(unitName)} in duration ${goTimeQuote(text)}`);
    if (whole > maxMagnitude / unit) throw invalid();
    let value = whole * unit;
    if (fraction > 0n) {
      // Go computes the fractional part in float64 and truncates, so a long fraction rounds as it does there.
      value += BigInt(Math.trunc(Number(fraction) * (Number(unit) / scale)));
      if (value > maxMagnitude) throw invalid();
    }
    total += value;
    if (total > maxMagnitude) throw invalid();
    rest = rest.slice(index);
  }
  if (negative) return -total;
  if (total > maxMagnitude - 1n) throw invalid();
  return total;
}

/** The digits of `value / 10**precision` after the point, trailing zeros dropped (`.5`), or nothing. */
function fraction(value: bigint, precision: number): { text: string; whole: bigint } {
  const divisor = 10n ** BigInt(precision);
  const digits = (value % divisor).toString().padStart(precision, '0').replace(/0+$/, '');
  return { text: digits === '' ? '' : `.${digits}`, whole: value / divisor };
}

/** Formats a duration exactly as Go's `Duration.String()`: `0s`, `1.5ms`, `1m0s`, `2h0m0s`. */
export function formatGoDuration(duration: GoDuration): string {
  const negative = duration < 0n;
  const magnitude = negative ? -duration : duration;
  let text: string;
  if (magnitude < second) {
    if (magnitude === 0n) return '0s';
    const [precision, unit] = magnitude < microsecond ? [0, 'ns'] : magnitude < millisecond ? [3, '\u00b5s'] : [6, 'ms'];
    const { text: decimals, whole } = fraction(magnitude, precision);
    text = `${whole}${decimals}${unit}`;
  } else {
    const { text: decimals, whole: seconds } = fraction(magnitude, 9);
    text = `${seconds % 60n}${decimals}s`;
    const minutes = seconds / 60n;
    if (minutes > 0n) {
      text = `${minutes % 60n}m${text}`;
      const hours = minutes / 60n;
      if (hours > 0n) text = `${hours}h${text}`;
    }
  }
  return negative ? `-${text}` : text;
}

/** Durations Flux uses as defaults and bounds. */
export const Durations = { second, minute, hour, millisecond } as const;
