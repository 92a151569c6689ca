/** This program's version (the CLI package's; a test keeps them equal). */
export const version = '0.1.0';

/** The kustomize releases whose behaviour kustomize-ts reproduces. */
export const kustomizeVersions: readonly string[] = ['v5.5.0', 'v5.7.1', 'v5.8.1'];

/** What `kustomize-ts version` prints. */
export function versionText(): string {
  return `kustomize-ts v${version}\nmatches kustomize ${kustomizeVersions.join(', ')}\n`;
}
