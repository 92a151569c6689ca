import { describe, expect, it } from 'vitest';
import { decodeDoubleQuoted, indentQuotedContinuations, QuotedScalarError, quotedScalarEnd } from './quoted.js';

describe('decodeDoubleQuoted (libyaml)', () => {
  it('decodes every libyaml escape', () => {
    expect(decodeDoubleQuoted('"\\0\\a\\b\\t\\\t\\n\\v\\f\\r\\e\\ \\"\\\'\\\\\\N\\_\\L\\P\\x41\\u00e9\\U0001F600"')).toBe(
      '\0\x07\b\t\t\n\v\f\r\x1b "\'\\\u0085\u00a0\u2028\u2029Aé😀',
    );
  });

  it('folds line breaks: one becomes a space, more become newlines, blanks around them go', () => {
    expect(decodeDoubleQuoted('"a  \n   b"')).toBe('a b');
    expect(decodeDoubleQuoted('"a\n\n\nb"')).toBe('a\n\nb');
    expect(decodeDoubleQuoted('"a\\\n   b"')).toBe('ab');
    expect(decodeDoubleQuoted('"a\u2028b"')).toBe('a\u2028b');
  });

  it('refuses escapes libyaml does not know', () => {
    for (const source of ['"\\/"', '"\\q"', '"\\x4"', '"\\uD800"', '"\\U00110000"']) {
      expect(() => decodeDoubleQuoted(source), source).toThrow(QuotedScalarError);
    }
  });
});

describe('quoted scalars libyaml reads past an under-indented line', () => {
  it('finds the closing quote, skipping escapes and doubled single quotes', () => {
    expect(quotedScalarEnd('x: "a\\"b"\n', 3)).toBe(8);
    expect(quotedScalarEnd("x: 'it''s'\n", 3)).toBe(9);
    expect(quotedScalarEnd('x: "open\n', 3)).toBe(-1);
  });

  it('indents continuation lines past the opening quote, but not document markers', () => {
    expect(indentQuotedContinuations('  a: "x\ny\n---\n"\n', 5, 14)).toBe('  a: "x\n      y\n---\n      "\n');
  });
});
