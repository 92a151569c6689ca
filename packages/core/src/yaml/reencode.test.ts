import { describe, expect, it } from 'vitest';
import { emptyPlainBecomesString, refoldLikeYamlV3 } from './reencode.js';

describe('yaml.v3 re-encoding in kyaml', () => {
  it('turns empty plain scalars into "" inside flow collections and as keys only', () => {
    expect(emptyPlainBecomesString('flow')).toBe(true);
    expect(emptyPlainBecomesString('key')).toBe(true);
    expect(emptyPlainBecomesString('block')).toBe(false);
  });

  it('adds a line break where yaml.v3\'s folded writer wrongly looks from the start of the value', () => {
    // kubectl kustomize printed these values for folded blocks holding them.
    expect(refoldLikeYamlV3('x y\n\n', 'block')).toBe('x y\n\n\n');
    expect(refoldLikeYamlV3('x\ny\n\n', 'block')).toBe('x\ny\n\n\n');
    expect(refoldLikeYamlV3('x\ny\n', 'block')).toBe('x\ny\n');
    expect(refoldLikeYamlV3('x\ny', 'block')).toBe('x\ny');
  });

  it('loses a line break when the value starts with a blank, as the same bug skips the extra break', () => {
    // kubectl kustomize printed " x\ny z" for a folded block holding " x\ny\nz".
    expect(refoldLikeYamlV3(' x\ny\nz', 'block')).toBe(' x\ny z');
  });

  it('leaves values yaml.v3 writes double-quoted: in flow collections, simple keys, trailing spaces', () => {
    expect(refoldLikeYamlV3('x y\n\n', 'flow')).toBe('x y\n\n');
    expect(refoldLikeYamlV3('x y', 'key')).toBe('x y');
    expect(refoldLikeYamlV3('x \ny\n\n', 'block')).toBe('x \ny\n\n');
  });
});
