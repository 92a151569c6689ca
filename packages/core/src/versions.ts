/**
 * The kustomize releases a build can reproduce, and the one table of what changed between them.
 *
 * kubectl and Flux embed different kustomize releases (kubectl 1.32: v5.5.0; kubectl 1.34–1.35 and Flux
 * 2.7.0–2.7.3: v5.7.1; kubectl 1.36 and Flux 2.8–2.9: v5.8.1). Each change in build output or in an error
 * between v5.5.0 and v5.8.1 is a row of {@link kustomizeChanges}, naming the release that made it; a stage
 * whose behaviour changed reads its row from the {@link VersionBehaviour} of the build, never a version.
 */

/** The releases a build can be asked to match. v5.5.0 also stands for v5.4.x and v5.6.0, whose output is the same. */
export const kustomizeVersions = ['v5.5.0', 'v5.7.1', 'v5.8.1'] as const;

/** One of {@link kustomizeVersions}. */
export type KustomizeVersion = (typeof kustomizeVersions)[number];

/** The release matched when a build names none: the newest. */
export const defaultKustomizeVersion: KustomizeVersion = 'v5.8.1';

/** A kustomize release that changed behaviour. */
type Release = 'v5.7.0' | 'v5.8.0' | 'v5.8.1';

/**
 * Every change in build output or errors from kustomize v5.5.0 to v5.8.1, each with the release that made it
 * (and the upstream change). A build matching a release has every change of that release and the ones before.
 */
export const kustomizeChanges = {
  /** Replacements take a static `sourceValue` instead of a `source` (#5630); giving both is an error. */
  replacementSourceValue: 'v5.7.0',
  /** `images` also rewrites image volumes: `spec/volumes[]/image/reference` and the pod template's (#5921). */
  imageVolumes: 'v5.7.0',
  /** A patch file holding only comments or blank lines is no patch: ignored when the entry has a target (#5771). */
  blankPatchFileIgnored: 'v5.7.0',
  /** Several `$patch: delete` documents in one patch file each delete their resource, where v5.5.0 crashed (#5859). */
  severalPatchDeletes: 'v5.7.0',
  /** A ReplacementTransformer configuration's `omitempty:` key is ignored; v5.5.0 applied it as more replacements, through a mistaken struct tag (#5877). */
  replacementTransformerOmitemptyIgnored: 'v5.7.0',
  /** `helmCharts[].devel` is a known field (#5865). */
  helmDevelField: 'v5.7.0',
  /** Replacement `select`/`reject` id fields are anchored regular expressions, and `namespace: default` no longer selects objects without a namespace (#5863). */
  replacementSelectorRegexps: 'v5.8.0',
  /** A replacement field path may reach into JSON or YAML held in a string field (#5679). */
  structuredDataFieldPaths: 'v5.8.0',
  /** `patches[].options` is typed (`allowNameChange`, `allowKindChange`): another key is an unknown field (#5930). */
  typedPatchOptions: 'v5.8.0',
  /** A Helm chart without a namespace takes the kustomization's (or an overlay's), and `namespace:` leaves chart output alone (#5940; v5.8.1's #6044 keeps it to charts). */
  helmNamespacePropagation: 'v5.8.0',
  /** A generated resource whose id exists, without behavior merge or replace, is refused naming the behavior it has (#5958). */
  verboseGeneratorMergeConflict: 'v5.8.0',
  /** Errors quote a replacement's target field path and the build path as written; before, a `%` in them was read as a Go format verb (#5959). */
  verbatimPathsInErrors: 'v5.8.0',
  /** A patch with neither strategic-merge objects nor JSON operations (an empty file) is ignored even without a target (#5990). */
  emptyPatchIgnored: 'v5.8.1',
} as const satisfies Record<string, Release>;

/**
 * The `app.kubernetes.io/managed-by` value each release writes. v5.5.0 never found its own version in the build
 * information of the program embedding it (kubectl) and wrote `(devel)`; v5.7.0 reads it (kustomize #5846).
 */
const managedByLabels: Readonly<Record<KustomizeVersion, string>> = {
  'v5.5.0': 'kustomize-(devel)',
  'v5.7.1': 'kustomize-v5.7.1',
  'v5.8.1': 'kustomize-v5.8.1',
};

/** What a build does, by change: `true` where the release it matches has the change. */
export type VersionBehaviour = { readonly [Change in keyof typeof kustomizeChanges]: boolean } & {
  /** The release matched. */
  readonly version: KustomizeVersion;
  /** The value of `app.kubernetes.io/managed-by` that `--enable-managedby-label` and `buildMetadata: [managedByLabel]` add. */
  readonly managedByLabel: string;
};

function releaseNumbers(release: string): number[] {
  return release.slice(1).split('.').map(Number);
}

function isAtLeast(version: KustomizeVersion, release: Release): boolean {
  const [a, b] = [releaseNumbers(version), releaseNumbers(release)];
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! > b[i]!;
  return true;
}

/** True when `text` names a release a build can match. */
export function isKustomizeVersion(text: string): text is KustomizeVersion {
  return (kustomizeVersions as readonly string[]).includes(text);
}

/** The behaviour of the release `version`, change by change. */
export function versionBehaviour(version: KustomizeVersion = defaultKustomizeVersion): VersionBehaviour {
  const changes = Object.fromEntries(Object.entries(kustomizeChanges).map(([change, release]) => [change, isAtLeast(version, release)])) as { [Change in keyof typeof kustomizeChanges]: boolean };
  return { ...changes, version, managedByLabel: managedByLabels[version] };
}
