/**
 * Go's number parsing and printing, as the YAML round trip of kustomize uses them:
 * `strconv.ParseInt(s, 0, 64)` / `ParseUint` / `ParseFloat` when go-yaml resolves plain scalars,
 * `encoding/json` and `strconv.FormatFloat(f, 'g', -1, 64)` when numbers are printed.
 */

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

/**
 * `strconv.ParseInt(text, base, 64)`, falling back to `ParseUint` as go-yaml does:
 * the integer, or undefined on a syntax or range error. Base 0 reads Go prefixes
 * (`0x`, `0o`, `0b`, and a leading `0` for octal).
 */
export function parseGoInteger(text: string, base: 0 | 2 | 8 = 0): bigint | undefined {
  const signed = parseUnsigned(text.startsWith('-') || text.startsWith('+') ? text.slice(1) : text, base);
  if (signed !== undefined) {
    const value = text.startsWith('-') ? -signed : signed;
    if (value >= INT64_MIN && value <= INT64_MAX) return value;
  }
  // ParseUint: no sign allowed, range up to 2^64-1.
  const unsigned = parseUnsigned(text, base);
  return unsigned !== undefined && unsigned <= UINT64_MAX ? unsigned : undefined;
}

function parseUnsigned(text: string, base: 0 | 2 | 8): bigint | undefined {
  if (text === '') return undefined;
  let radix: number = base;
  let digits = text;
  if (base === 0) {
    radix = 10;
    if (text[0] === '0') {
      const prefix = text.length >= 3 ? text[1]!.toLowerCase() : '';
      if (prefix === 'b') [radix, digits] = [2, text.slice(2)];
      else if (prefix === 'o') [radix, digits] = [8, text.slice(2)];
      else if (prefix === 'x') [radix, digits] = [16, text.slice(2)];
      else [radix, digits] = [8, text.slice(1)];
    }
  }
  if (radix === 10 && digits.length <= 15 && /^[0-9]+$/.test(digits)) return BigInt(Number(digits));
  let value = 0n;
  const bigRadix = BigInt(radix);
  for (let i = 0; i < digits.length; i++) {
    const digit = asciiDigitValue(digits.charCodeAt(i));
    if (digit >= radix) return undefined;
    value = value * bigRadix + BigInt(digit);
  }
  return value;
}

/** The value of an ASCII digit or letter (`a`/`A` = 10), or 99 for anything else. */
function asciiDigitValue(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  const lower = code | 0x20;
  return lower >= 97 && lower <= 122 && code < 128 ? lower - 87 : 99;
}

/**
 * `strconv.ParseFloat(text, 64)` for decimal text (the only kind go-yaml hands it): the value,
 * or undefined on a syntax error or overflow. Underscores are allowed between digits, as in Go.
 */
export function parseGoDecimalFloat(text: string): number | undefined {
  if (!/^[+-]?(?:[0-9_]+(?:\.[0-9_]*)?|\.[0-9_]+)(?:[eE][+-]?[0-9_]+)?$/.test(text)) return undefined;
  if (!/[0-9]/.test(text.replace(/[eE].*$/, ''))) return undefined;
  if (text.includes('_') && !underscoresBetweenDigits(text)) return undefined;
  const value = Number(text.replace(/_/g, ''));
  return Number.isFinite(value) ? value : undefined;
}

/** Go's `underscoreOK` for decimal numbers: every `_` sits between two digits. */
function underscoresBetweenDigits(text: string): boolean {
  return !/(^|[^0-9])_|_($|[^0-9])/.test(text.replace(/^[+-]/, ''));
}

/**
 * A number as kustomize prints it: `encoding/json` writes the float64, go-yaml v2 reads that
 * text back (an int64/uint64 when it is one, else a float64) and prints it — integers in full,
 * other floats with `strconv.FormatFloat(f, 'g', -1, 64)` (`1.5`, `1.2345675e+06`, `1e-05`).
 */
export function formatGoYamlNumber(value: number): string {
  if (Number.isInteger(value)) {
    // JSON writes integers below 1e21 as plain digits (JavaScript's String agrees with Go here).
    if (Math.abs(value) < 1e21) {
      const text = String(value);
      if (Math.abs(value) <= Number.MAX_SAFE_INTEGER) return text;
      const big = BigInt(text);
      if (big >= INT64_MIN && big <= UINT64_MAX) return text;
    }
  }
  return formatGoFloatG(value);
}

/**
 * `strconv.FormatFloat(value, 'g', -1, 64)`: the shortest digits that identify the value, in
 * exponent form when the decimal exponent is below -4 or at least 6 (Go's rule for shortest 'g').
 */
export function formatGoFloatG(value: number): string {
  const [mantissa = '', exponentText = '0'] = Math.abs(value).toExponential().split('e');
  const digits = mantissa.replace('.', '');
  const exponent = Number(exponentText);
  const sign = value < 0 ? '-' : '';
  if (exponent < -4 || exponent >= 6) {
    const fractionDigits = digits.length > 1 ? `.${digits.slice(1)}` : '';
    const magnitude = String(Math.abs(exponent)).padStart(2, '0');
    return `${sign}${digits[0]}${fractionDigits}e${exponent < 0 ? '-' : '+'}${magnitude}`;
  }
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  const integerPart = digits.slice(0, exponent + 1).padEnd(exponent + 1, '0');
  const fractionPart = digits.slice(exponent + 1);
  return `${sign}${integerPart}${fractionPart ? `.${fractionPart}` : ''}`;
}

/**
 * `strconv.FormatFloat(value, 'g', -1, 32)`: the shortest digits that identify the value as a
 * float32 — how sigs.k8s.io/yaml turns a float map key into a JSON key.
 */
export function formatGoFloat32G(value: number): string {
  const single = Math.fround(value);
  if (!Number.isFinite(single)) return Number.isNaN(single) ? 'NaN' : single > 0 ? '+Inf' : '-Inf';
  for (let precision = 1; precision <= 9; precision++) {
    const candidate = Number(single.toPrecision(precision));
    if (Math.fround(candidate) === single) return formatGoFloatG(candidate);
  }
  return formatGoFloatG(single);
}
