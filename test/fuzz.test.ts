/**
 * Fuzzing at a bounded size: generated trees (valid building blocks, their mutations, random bytes) must
 * build or fail with a KustomizeError, quickly, leaving the built-in prototypes as they were. The long run
 * of the same generator is `pnpm fuzz` (scripts/fuzz.mjs).
 */
import fc from 'fast-check';
import * as core from '@kustomize-ts/core';
import { describe, expect, it } from 'vitest';
import { fuzzInputArb, runFuzzInput } from '../scripts/fuzz.mjs';

interface FuzzResult {
  readonly outcome: 'built' | 'typed' | 'untyped' | 'polluted';
  readonly message?: string;
  readonly ms: number;
}

/** Most one input may take: a few milliseconds is usual, so this only catches a hang in the making. */
const timeBound = 2000;

describe('fuzzing build()', () => {
  it('builds or throws a KustomizeError, within the time bound, for every generated tree', () => {
    const outcomes = { built: 0, typed: 0 };
    fc.assert(
      fc.property(fuzzInputArb, (input) => {
        const result = runFuzzInput(core, input) as FuzzResult;
        expect(result.message ?? '').toBe('');
        expect(['built', 'typed']).toContain(result.outcome);
        expect(result.ms).toBeLessThan(timeBound);
        outcomes[result.outcome as 'built' | 'typed']++;
      }),
      { numRuns: 400 },
    );
    // The generator must reach the later build stages, not only fail early.
    expect(outcomes.built).toBeGreaterThan(40);
  });
});
