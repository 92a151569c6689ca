import { kustomizeVersions } from '@kustomize-ts/core';

/** This program's version (the CLI package's; a test keeps them equal). */
export const version = '0.1.0';


/** The kustomize releases whose behaviour kustomize-ts reproduces (`--kustomize-version`). */
export { kustomizeVersions };

/** What `kustomize-ts version` prints. */
export function versionText(): string {
  return `kustomize-ts v${version}\nmatches kustomize ${kustomizeVersions.join(', ')}\n`;
}
