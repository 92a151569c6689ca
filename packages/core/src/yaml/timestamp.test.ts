import { describe, expect, it } from 'vitest';
import { formatRfc3339Nano, parseGoTimestamp } from './timestamp.js';

function rfc3339(text: string): string | undefined {
  const time = parseGoTimestamp(text);
  return time === undefined ? undefined : formatRfc3339Nano(time);
}

describe('go-yaml timestamps', () => {
  it('accepts the four layouts time.Parse knows, with one- or two-digit fields', () => {
    expect(rfc3339('2001-12-14')).toBe('2001-12-14T00:00:00Z');
    expect(rfc3339('2001-1-2')).toBe('2001-01-02T00:00:00Z');
    expect(rfc3339('2001-12-14T21:59:43Z')).toBe('2001-12-14T21:59:43Z');
    expect(rfc3339('2001-12-14t21:59:43.10-05:00')).toBe('2001-12-14T21:59:43.1-05:00');
    expect(rfc3339('2001-12-14 1:2:3')).toBe('2001-12-14T01:02:03Z');
    expect(rfc3339('2001-12-14   21:59:43,5')).toBe('2001-12-14T21:59:43.5Z');
  });

  it('keeps at most nine fraction digits and writes a zero offset as Z', () => {
    expect(rfc3339('2001-12-14T21:59:43.123456789123Z')).toBe('2001-12-14T21:59:43.123456789Z');
    expect(rfc3339('2001-12-14T21:59:43-00:00')).toBe('2001-12-14T21:59:43Z');
  });

  it('refuses impossible dates, hours and other forms', () => {
    for (const text of ['2001-02-29', '2001-13-01', '2001-12-14T24:00:00Z', '2001-12-14T21:59:43', '2001-12-14 21:59:43.10 -5', '01-12-14', '2001-12-14T21:59:43+5:00', '2001-012-14']) {
      expect(parseGoTimestamp(text), text).toBeUndefined();
    }
    expect(parseGoTimestamp('2000-02-29')).toBeDefined();
  });

  it('refuses to format an offset of a day or more, as encoding/json does', () => {
    const time = parseGoTimestamp('2001-12-14T21:59:43+24:00');
    expect(time).toBeDefined();
    expect(() => formatRfc3339Nano(time!)).toThrow(/timezone hour/);
  });
});
