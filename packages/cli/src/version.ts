import { defaultKustomizeVersion, kustomizeVersions } from '@kustomize-ts/core';

/** This program's version (the CLI package's; a test keeps them equal). */
export const version = '0.1.0';

/** What `kustomize-ts version` prints: its own version, and the kustomize releases it reproduces. */
export function versionText(): string {
  return `kustomize-ts v${version}\nmatches kustomize ${kustomizeVersions.join(', ')} (default ${defaultKustomizeVersion}; pick one with --kustomize-version)\n`;
}
