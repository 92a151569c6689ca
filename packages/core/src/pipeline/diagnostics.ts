import type { ErrorLocation } from '../errors.js';

/** What a warning is about; stable, for callers that branch on it. */
export type BuildWarningCode =
  /** kubectl's: a kustomization uses a field kustomize deprecated (`bases`, `commonLabels`, `vars`, …). */
  | 'deprecated-field'
  /** kubectl's: vars were declared that no reference used. */
  | 'unused-vars'
  /** Beyond kustomize: an `images:` entry changed no image. */
  | 'image-unmatched'
  /** Beyond kustomize: a `replicas:` entry changed no replica count. */
  | 'replicas-unmatched'
  /** Beyond kustomize: a patch's `target` selected no resource. */
  | 'patch-unmatched'
  /** Beyond kustomize: a replacement's target selected no resource. */
  | 'replacement-unmatched'
  /** Beyond kustomize: a label entry changed no resource (its field specs selected nothing new). */
  | 'labels-unmatched'
  /** Beyond kustomize: an annotation entry changed no resource. */
  | 'annotations-unmatched';

/**
 * Something a build noticed that did not stop it. `source: 'kubectl'` warnings are the ones
 * `kubectl kustomize` prints on stderr (`text` is its line, word for word); `source: 'lint'` ones point at
 * work that did nothing, which kustomize accepts silently (`kustomize-ts lint` prints them).
 */
export interface BuildWarning {
  readonly code: BuildWarningCode;
  readonly source: 'kubectl' | 'lint';
  /** What is wrong, in one line. For kubectl's warnings, exactly the text kubectl prints (without its log prefix). */
  readonly message: string;
  /** The kustomization file and the field of the entry. */
  readonly location: ErrorLocation;
  /** The names or resource ids nearest to what the entry asked for, closest first: what the author probably meant. */
  readonly closest?: readonly string[];
}

/** Where a build's warnings are collected, in the order kubectl would print them. */
export type WarningSink = BuildWarning[];

const runEditFix = "Run 'kustomize edit fix' to update your Kustomization automatically.";

/** kustomize's deprecated kustomization fields, in the order it checks them, with the field that replaces each. */
const deprecatedFields: readonly (readonly [field: string, replacement: string, fix: string])[] = [
  ['bases', 'resources', runEditFix],
  ['commonLabels', 'labels', runEditFix],
  ['imageTags', 'images', runEditFix],
  ['patchesJson6902', 'patches', runEditFix],
  ['patchesStrategicMerge', 'patches', runEditFix],
  ['vars', 'replacements', `[EXPERIMENTAL] ${runEditFix}`],
];

/**
 * kubectl's warnings for the deprecated fields a decoded kustomization sets (`present` says whether a
 * field was given a non-null value, as Go's nil check sees it), word for word and in kustomize's order.
 */
export function deprecationWarnings(present: (field: string) => boolean, file: string): BuildWarning[] {
  return deprecatedFields
    .filter(([field]) => present(field))
    .map(([field, replacement, fix]) => ({
      code: 'deprecated-field',
      source: 'kubectl',
      message: `# Warning: '${field}' is deprecated. Please use '${replacement}' instead. ${fix}`,
      location: { file, field },
    }));
}

/** kubectl's warning for vars no reference used (listed in declaration order; kustomize lists them in Go map order). */
export function unusedVarsWarning(names: readonly string[]): BuildWarning {
  return { code: 'unused-vars', source: 'kubectl', message: `well-defined vars that were never replaced: ${names.join(',')}`, location: { field: 'vars' } };
}

/**
 * Up to `count` of `candidates` nearest to `wanted` by edit distance (ties in the candidates' order),
 * each once: the names an author most likely meant when `wanted` matched nothing. `keysOf` gives the texts
 * a candidate is compared by (the nearest counts), itself by default.
 */
export function closestNames(wanted: string, candidates: Iterable<string>, count = 3, keysOf: (candidate: string) => readonly string[] = (candidate) => [candidate]): string[] {
  const unique = [...new Set(candidates)];
  return unique
    .map((candidate, index) => ({ candidate, index, distance: Math.min(...keysOf(candidate).map((key) => editDistance(wanted, key))) }))
    .sort((a, b) => a.distance - b.distance || a.index - b.index)
    .slice(0, count)
    .map(({ candidate }) => candidate);
}

/** Levenshtein distance, two rows at a time. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
