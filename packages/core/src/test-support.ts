/**
 * Helpers shared by the tests of this package (excluded from the build: see tsconfig.json).
 */
import { KustomizeError } from './errors.js';

/** The KustomizeError `run` throws; fails the test when it throws something else or nothing. */
export function errorOf(run: () => unknown): KustomizeError {
  try {
    run();
  } catch (error) {
    if (error instanceof KustomizeError) return error;
    throw error;
  }
  throw new Error('expected a KustomizeError');
}
