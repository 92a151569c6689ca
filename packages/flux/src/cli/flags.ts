import { isKustomizeVersion, kustomizeVersions } from '@kustomize-ts/core';
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

/** `--kustomize-version`: the kustomize release whose output the build reproduces, the one the Flux version embeds. */
export const kustomizeVersionFlag: FlagSpec = {
  name: 'kustomize-version',
  kind: 'value',
  type: 'string',
  defaultValue: 'v5.8.1',
  usage: 'the kustomize release Flux embeds: v5.8.1 (Flux 2.8-2.9), v5.7.1 (Flux 2.7.0-2.7.3) or v5.5.0 (the output of Flux 2.5-2.6)',
  parse: (text) => {
    if (!isKustomizeVersion(text)) throw new Error(`must be one of ${kustomizeVersions.join(', ')}`);
    return text;
  },
};
