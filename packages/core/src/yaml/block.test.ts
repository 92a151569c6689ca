import { describe, expect, it } from 'vitest';
import { BlockScalarError, decodeBlockScalar } from './block.js';

/** The value of the block scalar that is the value of `key:` at the top of `text`. */
function block(text: string): string {
  return decodeBlockScalar(text, text.indexOf(': ') + 2, 0);
}

describe('decodeBlockScalar (libyaml)', () => {
  it('reads literal and folded blocks with each chomping', () => {
    expect(block('k: |\n  a\n  b\n\n')).toBe('a\nb\n');
    expect(block('k: |-\n  a\n  b\n\n')).toBe('a\nb');
    expect(block('k: |+\n  a\n  b\n\n')).toBe('a\nb\n\n');
    expect(block('k: >\n  a\n  b\n\n  c\n')).toBe('a b\nc\n');
    expect(block('k: >\n  a\n    more\n  b\n')).toBe('a\n  more\nb\n');
  });

  it('takes an explicit indentation and a comment after the indicators', () => {
    expect(block('k: |2-\n    a\n   b\n')).toBe('  a\n b');
    expect(block('k: |+2 # note\n  a\n')).toBe('a\n');
  });

  it('keeps a line of spaces beyond the indentation as content', () => {
    // kubectl kustomize read "   \n" from a |2 block whose only line held five spaces.
    expect(block('k: |2\n     \n\n')).toBe('   \n');
    expect(block('k: >-\n  x\n     \n')).toBe('x\n   ');
  });

  it('has no final line break when the input ends inside the last line', () => {
    expect(block('k: |\n  x')).toBe('x');
    expect(block('k: |+\n  x')).toBe('x');
  });

  it('refuses a tab in the indentation and a bad header', () => {
    expect(() => block('k: |\n  \tx\n')).toThrow(BlockScalarError);
    expect(() => block('k: |0\n  x\n')).toThrow(/equal to 0/);
    expect(() => block('k: | x\n  y\n')).toThrow(/comment or line break/);
    expect(block('k: |2\n  \tx\n')).toBe('\tx\n');
  });
});
