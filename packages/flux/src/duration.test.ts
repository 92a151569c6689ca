import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DurationError, formatGoDuration, parseGoDuration } from './duration.js';

// Expected texts are what Go's time.ParseDuration / Duration.String() give for the same input.
describe('formatGoDuration', () => {
  it.each([
    ['1m', '1m0s'],
    ['2m', '2m0s'],
    ['60s', '1m0s'],
    ['90s', '1m30s'],
    ['1h', '1h0m0s'],
    ['1.5h', '1h30m0s'],
    ['2h45m', '2h45m0s'],
    ['1.5s', '1.5s'],
    ['5m0.5s', '5m0.5s'],
    ['300ms', '300ms'],
    ['1.5ms', '1.5ms'],
    ['100us', '100\u00b5s'],
    ['100\u03bcs', '100\u00b5s'],
    ['1ns', '1ns'],
    ['0', '0s'],
    ['0s', '0s'],
    ['-1.5h', '-1h30m0s'],
    ['+3s', '3s'],
    ['1.0000000001s', '1s'],
    ['.5s', '500ms'],
    ['1.s', '1s'],
    ['9223372036854775807ns', '2562047h47m16.854775807s'],
  ])('%s prints as %s', (input, expected) => {
    expect(formatGoDuration(parseGoDuration(input))).toBe(expected);
  });
});

describe('parseGoDuration errors', () => {
  it.each([
    ['', 'time: invalid duration ""'],
    ['x', 'time: invalid duration "x"'],
    ['.s', 'time: invalid duration ".s"'],
    ['-', 'time: invalid duration "-"'],
    ['1', 'time: missing unit in duration "1"'],
    ['1m2', 'time: missing unit in duration "1m2"'],
    ['1x', 'time: unknown unit "x" in duration "1x"'],
    ['1 m', 'time: unknown unit " m" in duration "1 m"'],
    ['9223372036854775808ns', 'time: invalid duration "9223372036854775808ns"'],
    ['3000000h', 'time: invalid duration "3000000h"'],
    ['1\u00e9', 'time: unknown unit "\\xc3\\xa9" in duration "1\\xc3\\xa9"'],
    ['"1"', 'time: invalid duration "\\"1\\""'],
  ])('%j fails with %s', (input, message) => {
    expect(() => parseGoDuration(input)).toThrow(new DurationError(message));
  });

  it('accepts the most negative duration, as Go does', () => {
    expect(parseGoDuration('-9223372036854775808ns')).toBe(-(1n << 63n));
  });
});

describe('duration laws', () => {
  it('parsing what was printed gives the duration back', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(1n << 63n) + 1n, max: (1n << 63n) - 1n }), (duration) => {
        expect(parseGoDuration(formatGoDuration(duration))).toBe(duration);
      }),
    );
  });
});
