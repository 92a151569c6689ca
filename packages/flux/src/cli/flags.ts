import type { FlagSpec } from '@kustomize-ts/flags';
import { parseGoDuration } from '../duration.js';

/**
 * The flux CLI's flags are cobra's over spf13/pflag: the shared parser of `@kustomize-ts/flags` reads them,
 * with pflag's messages. Durations are Go's `time.Duration`, parsed by {@link parseGoDuration}.
 */
export { FlagError, Flags, parseFlags, type FlagSpec, type ParsedFlags } from '@kustomize-ts/flags';

/** A flag holding a Go duration (nanoseconds as a bigint), as pflag's `DurationVar`. */
export function durationFlag(name: string): FlagSpec {
  return { name, kind: 'value', type: 'duration', parse: parseGoDuration };
}
