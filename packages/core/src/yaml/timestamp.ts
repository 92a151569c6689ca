/**
 * YAML timestamps as go-yaml (v2 and v3) recognise them: a plain scalar is a timestamp when Go's
 * `time.Parse` accepts it with one of four layouts. yaml.v3 then hands kustomize a `time.Time`,
 * which `encoding/json` writes in RFC 3339 form — so `2001-12-14` in a resource comes out as
 * `"2001-12-14T00:00:00Z"`.
 */

/** A timestamp as Go parsed it: wall-clock fields plus the zone offset it was written with. */
export interface GoTimestamp {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  /** Fractional-second digits as written, at most nine (Go truncates the rest). */
  readonly fraction: string;
  /** Offset east of UTC in seconds; 0 for `Z` or no zone. */
  readonly offsetSeconds: number;
}

const enum TimeLayout {
  /** `2006-1-2T15:4:5.999999999Z07:00`, with `T` or `t`. */
  DateTimeZone,
  /** `2006-1-2 15:4:5.999999999` (one or more spaces). */
  DateSpaceTime,
  /** `2006-1-2`. */
  DateOnly,
}

/**
 * The timestamp `text` denotes, or undefined when go-yaml would not read it as one
 * (go-yaml's `parseTimestamp`: `YYYY-` prefix, then the first layout `time.Parse` accepts).
 */
export function parseGoTimestamp(text: string): GoTimestamp | undefined {
  if (text.length < 5 || text.charCodeAt(4) !== 0x2d /* - */) return undefined;
  for (let i = 0; i < 4; i++) if (!isDigitAt(text, i)) return undefined;
  return (
    parseWithLayout(text, TimeLayout.DateTimeZone) ??
    parseWithLayout(text, TimeLayout.DateSpaceTime) ??
    parseWithLayout(text, TimeLayout.DateOnly)
  );
}

/**
 * `time.Time.MarshalJSON` of the timestamp: RFC 3339 with nanoseconds, trailing zeros of the
 * fraction dropped, `Z` for a zero offset. Throws (as Go does) for an offset of 24 hours or more.
 */
export function formatRfc3339Nano(time: GoTimestamp): string {
  const fraction = time.fraction.replace(/0+$/, '');
  let text =
    `${pad(time.year, 4)}-${pad(time.month, 2)}-${pad(time.day, 2)}` +
    `T${pad(time.hour, 2)}:${pad(time.minute, 2)}:${pad(time.second, 2)}` +
    (fraction === '' ? '' : `.${fraction}`);
  if (time.offsetSeconds === 0) return `${text}Z`;
  const minutes = Math.trunc(Math.abs(time.offsetSeconds) / 60);
  const hours = Math.trunc(minutes / 60);
  if (hours >= 24) throw new RangeError('timezone hour outside of range [0,23]');
  text += `${time.offsetSeconds < 0 ? '-' : '+'}${pad(hours, 2)}:${pad(minutes % 60, 2)}`;
  return text;
}

function parseWithLayout(text: string, layout: TimeLayout): GoTimestamp | undefined {
  const cursor = new Cursor(text);
  const year = Number(text.slice(0, 4));
  cursor.position = 4;
  if (!cursor.literal('-')) return undefined;
  const month = cursor.number(false);
  if (month === undefined || !cursor.literal('-')) return undefined;
  const day = cursor.number(false);
  if (day === undefined) return undefined;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let fraction = '';
  let offsetSeconds = 0;
  if (layout !== TimeLayout.DateOnly) {
    if (layout === TimeLayout.DateTimeZone) {
      if (!cursor.literal('T') && !cursor.literal('t')) return undefined;
    } else if (!cursor.spaces()) {
      return undefined;
    }
    const h = cursor.number(false);
    if (h === undefined || !cursor.literal(':')) return undefined;
    const m = cursor.number(false);
    if (m === undefined || !cursor.literal(':')) return undefined;
    const s = cursor.number(false);
    if (s === undefined) return undefined;
    if (h >= 24 || m >= 60 || s >= 60) return undefined;
    [hour, minute, second] = [h, m, s];
    fraction = cursor.fraction();
    if (layout === TimeLayout.DateTimeZone) {
      const offset = cursor.zone();
      if (offset === undefined) return undefined;
      offsetSeconds = offset;
    }
  }
  if (!cursor.atEnd()) return undefined;
  if (month < 1 || month > 12 || day < 1 || day > daysIn(month, year)) return undefined;
  return { year, month, day, hour, minute, second, fraction, offsetSeconds };
}

/** A read position in a timestamp, with Go `time.Parse`'s field readers. */
class Cursor {
  position = 0;
  constructor(private readonly text: string) {}

  atEnd(): boolean {
    return this.position === this.text.length;
  }

  literal(char: string): boolean {
    if (this.text[this.position] !== char) return false;
    this.position++;
    return true;
  }

  /** A layout space: matches one or more spaces. */
  spaces(): boolean {
    if (this.text[this.position] !== ' ') return false;
    while (this.text[this.position] === ' ') this.position++;
    return true;
  }

  /** Go's `getnum`: one or two digits (exactly two when `fixed`). */
  number(fixed: boolean): number | undefined {
    const text = this.text;
    if (!isDigitAt(text, this.position)) return undefined;
    if (!isDigitAt(text, this.position + 1)) {
      if (fixed) return undefined;
      return text.charCodeAt(this.position++) - 48;
    }
    const value = (text.charCodeAt(this.position) - 48) * 10 + text.charCodeAt(this.position + 1) - 48;
    this.position += 2;
    return value;
  }

  /** Optional `.digits` or `,digits`; Go keeps at most nine digits. */
  fraction(): string {
    const text = this.text;
    const mark = text[this.position];
    if ((mark !== '.' && mark !== ',') || !isDigitAt(text, this.position + 1)) return '';
    let end = this.position + 1;
    while (isDigitAt(text, end)) end++;
    const digits = text.slice(this.position + 1, Math.min(end, this.position + 10));
    this.position = end;
    return digits;
  }

  /** `Z` or `±hh:mm`, as seconds east of UTC. */
  zone(): number | undefined {
    const text = this.text;
    if (text[this.position] === 'Z') {
      this.position++;
      return 0;
    }
    if (text.length - this.position < 6 || text[this.position + 3] !== ':') return undefined;
    const sign = text[this.position];
    if (sign !== '+' && sign !== '-') return undefined;
    this.position++;
    const hours = this.number(true);
    this.position++;
    const minutes = this.number(true);
    if (hours === undefined || minutes === undefined || hours > 24 || minutes > 60) return undefined;
    const offset = (hours * 60 + minutes) * 60;
    return sign === '-' ? -offset : offset;
  }
}

function isDigitAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code >= 48 && code <= 57;
}

function daysIn(month: number, year: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}
