import { describe, expect, it } from 'vitest';
import { emptyPlainBecomesString, reencodeBlockScalar } from './reencode.js';

describe('yaml.v3 re-encoding in kyaml', () => {
  it('turns empty plain scalars into "" inside flow collections and as keys only', () => {
    expect(emptyPlainBecomesString('flow')).toBe(true);
    expect(emptyPlainBecomesString('key')).toBe(true);
    expect(emptyPlainBecomesString('block')).toBe(false);
  });

  it('adds a line break where yaml.v3\'s folded writer wrongly looks from the start of the value', () => {
    // kubectl kustomize printed these values for folded blocks holding them.
    expect(reencodeBlockScalar('x y\n\n', true, 'block')).toBe('x y\n\n\n');
    expect(reencodeBlockScalar('x\ny\n\n', true, 'block')).toBe('x\ny\n\n\n');
    expect(reencodeBlockScalar('x\ny\n', true, 'block')).toBe('x\ny\n');
    expect(reencodeBlockScalar('x\ny', true, 'block')).toBe('x\ny');
  });

  it('loses a line break when the value starts with a blank, as the same bug skips the extra break', () => {
    // kubectl kustomize printed " x\ny z" for a folded block holding " x\ny\nz".
    expect(reencodeBlockScalar(' x\ny\nz', true, 'block')).toBe(' x\ny z');
  });

  it('leaves literal blocks as they are', () => {
    expect(reencodeBlockScalar('x y\n\n', false, 'block')).toBe('x y\n\n');
  });

  it('refuses a block starting with a tab, which yaml.v3 writes but cannot read back', () => {
    // kubectl kustomize failed: "found a tab character where an indentation space is expected".
    expect(() => reencodeBlockScalar('\tx\n', false, 'block')).toThrow(/tab/);
    expect(reencodeBlockScalar('\tx\n', false, 'flow')).toBe('\tx\n');
  });

  it('leaves values yaml.v3 writes double-quoted: in flow collections, simple keys, trailing spaces', () => {
    expect(reencodeBlockScalar('x y\n\n', true, 'flow')).toBe('x y\n\n');
    expect(reencodeBlockScalar('x y', true, 'key')).toBe('x y');
    expect(reencodeBlockScalar('x \ny\n\n', true, 'block')).toBe('x \ny\n\n');
  });
});
