import { describe, expect, it } from 'vitest';
import { InvalidSeparatorError, normaliseLineEnds, splitDocuments } from './split.js';

describe('splitDocuments (kyaml ByteReader)', () => {
  it('cuts at lines starting with ---, keeping the newline that ends each document', () => {
    expect(splitDocuments('a: 1\n---\nb: 2\n').map((chunk) => chunk.text)).toEqual(['a: 1\n', 'b: 2\n']);
    expect(splitDocuments('a: 1\n--- # note\nb: 2').map((chunk) => chunk.offset)).toEqual([0, 16]);
  });

  it('does not cut at a separator without a newline before it, nor let separators overlap', () => {
    expect(splitDocuments('---\na: 1\n').map((chunk) => chunk.text)).toEqual(['---\na: 1\n']);
    expect(splitDocuments('a\n---\n---\nb\n').map((chunk) => chunk.text)).toEqual(['a\n', '---\nb\n']);
  });

  it('refuses anything but a comment after the marker', () => {
    expect(() => splitDocuments('a\n--- b\nc\n')).toThrow(InvalidSeparatorError);
    expect(() => splitDocuments('a\n----\nc\n')).toThrow('invalid document separator: ----');
  });

  it('has no documents for an empty stream and turns CRLF into LF', () => {
    expect(splitDocuments('')).toEqual([]);
    expect(normaliseLineEnds('a\r\nb\rc')).toBe('a\nb\rc');
  });
});
