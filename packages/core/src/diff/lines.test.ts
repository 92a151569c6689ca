import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffLines, mergeLines, unifiedDiff, type LineHunk } from './lines.js';

/** Replays hunks on `a`, taking the new lines from `b`. */
function apply(a: readonly string[], b: readonly string[], hunks: readonly LineHunk[]): string[] {
  const out: string[] = [];
  let position = 0;
  for (const hunk of hunks) {
    out.push(...a.slice(position, hunk.aStart), ...b.slice(hunk.bStart, hunk.bEnd));
    position = hunk.aEnd;
  }
  return [...out, ...a.slice(position)];
}

const lines = fc.array(fc.constantFrom('a', 'b', 'c', 'd', ''), { maxLength: 30 });

describe('diffLines', () => {
  it('finds no hunk for equal lists', () => {
    expect(diffLines(['a', 'b'], ['a', 'b'])).toEqual([]);
  });

  it('describes a replacement, an insertion and a deletion', () => {
    expect(diffLines(['a', 'b', 'c', 'd'], ['a', 'x', 'c', 'd', 'e'])).toEqual([
      { aStart: 1, aEnd: 2, bStart: 1, bEnd: 2 },
      { aStart: 4, aEnd: 4, bStart: 4, bEnd: 5 },
    ]);
    expect(diffLines(['a', 'b', 'c'], ['a', 'c'])).toEqual([{ aStart: 1, aEnd: 2, bStart: 1, bEnd: 1 }]);
  });

  it('law: replaying the hunks on a gives b; hunks are ordered and separated by kept lines', () => {
    fc.assert(
      fc.property(lines, lines, (a, b) => {
        const hunks = diffLines(a, b);
        expect(apply(a, b, hunks)).toEqual(b);
        for (let i = 1; i < hunks.length; i++) expect(hunks[i]!.aStart).toBeGreaterThan(hunks[i - 1]!.aEnd);
      }),
    );
  });

  it('law: the edit is as short as a longest common subsequence allows', () => {
    const lcs = (a: readonly string[], b: readonly string[]) => {
      const table = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
      for (let i = a.length - 1; i >= 0; i--) {
        for (let j = b.length - 1; j >= 0; j--) table[i]![j] = a[i] === b[j] ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
      }
      return table[0]![0]!;
    };
    fc.assert(
      fc.property(lines, lines, (a, b) => {
        const changed = diffLines(a, b).reduce((sum, hunk) => sum + (hunk.aEnd - hunk.aStart) + (hunk.bEnd - hunk.bStart), 0);
        expect(changed).toBe(a.length + b.length - 2 * lcs(a, b));
      }),
    );
  });
});

describe('unifiedDiff', () => {
  it('prints what GNU diff -u prints, including a missing final newline', () => {
    const before = 'a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\n';
    const after = 'a\nB\nc\nd\ne\nf\ng\nh\ni\nk\nl';
    // Expected text: `diff -u` (GNU diffutils) on these two files, with the file names replaced.
    expect(unifiedDiff(before, after, { fromFile: 'old', toFile: 'new' })).toBe(
      '--- old\n+++ new\n@@ -1,5 +1,5 @@\n a\n-b\n+B\n c\n d\n e\n@@ -7,5 +7,5 @@\n g\n h\n i\n-j\n k\n+l\n\\ No newline at end of file\n',
    );
  });

  it('numbers empty ranges by the line before, as GNU diff does', () => {
    // `diff -u` of an empty file and a one-line file, both ways.
    expect(unifiedDiff('', 'x\n', { fromFile: 'a', toFile: 'b' })).toBe('--- a\n+++ b\n@@ -0,0 +1 @@\n+x\n');
    expect(unifiedDiff('x\n', '', { fromFile: 'a', toFile: 'b' })).toBe('--- a\n+++ b\n@@ -1 +0,0 @@\n-x\n');
  });

  it('replaces a changed first line in place, as GNU diff does (jsdiff inserts at the top and deletes at the bottom)', () => {
    // `diff -u` of `a a a` and `d a a`.
    expect(unifiedDiff('a\na\na\n', 'd\na\na\n', { fromFile: 'A', toFile: 'B' })).toBe('--- A\n+++ B\n@@ -1,3 +1,3 @@\n-a\n+d\n a\n a\n');
  });

  it('is empty for equal texts', () => {
    expect(unifiedDiff('a\n', 'a\n', { fromFile: 'a', toFile: 'b' })).toBe('');
  });
});

describe('mergeLines', () => {
  it('takes each side where only that side changed', () => {
    const base = ['a', 'b', 'c', 'd', 'e'];
    const ours = ['a', 'B', 'c', 'd', 'e'];
    const theirs = ['a', 'b', 'c', 'd', 'x', 'e'];
    expect(mergeLines(base, ours, theirs)).toEqual({ lines: ['a', 'B', 'c', 'd', 'x', 'e'], conflicts: 0 });
  });

  it('takes theirs where both changed the same lines', () => {
    expect(mergeLines(['a', 'b', 'c'], ['a', 'B', 'c'], ['a', 'beta', 'c'])).toEqual({ lines: ['a', 'beta', 'c'], conflicts: 1 });
    expect(mergeLines(['a', 'c'], ['a', 'o', 'c'], ['a', 't', 'c'])).toEqual({ lines: ['a', 't', 'c'], conflicts: 1 });
  });

  it('keeps touching changes apart: an insertion right after a replaced line', () => {
    expect(mergeLines(['a', 'b', 'c'], ['a', 'b1', 'b2', 'c'], ['a', 'b', 'new', 'c'])).toEqual({ lines: ['a', 'b1', 'b2', 'new', 'c'], conflicts: 0 });
  });

  it('laws: merging with an unchanged side gives the other side; equal sides give that side', () => {
    fc.assert(
      fc.property(lines, lines, (base, other) => {
        expect(mergeLines(base, base, other).lines).toEqual(other);
        expect(mergeLines(base, other, base).lines).toEqual(other);
        expect(mergeLines(base, other, other).lines).toEqual(other);
      }),
    );
  });
});
