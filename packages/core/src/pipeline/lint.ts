import { isJsonObject, type JsonValue } from '../json.js';
import type { ImageEntry, PatchEntry, ReplicaEntry } from '../kustomization/types.js';
import { currentId, nameOf, type Resource } from '../resource/resource.js';
import { selectResources } from '../resource/select.js';
import { imageMatcher, splitImage } from '../transform/images/image-name.js';
import { closestNames, type BuildWarning, type BuildWarningCode } from './diagnostics.js';

/**
 * The checks behind the `lint` warnings: work a kustomization asked for that did nothing. Kustomize accepts
 * such entries silently; each check runs on the resources a transformer saw and what it returned, so the
 * transformers stay as kustomize's and the checks cost nothing when there is nothing to say.
 */

/** True when a copy-on-write transformer returned every resource as it was: it changed nothing. */
export function changedNothing(before: readonly Resource[], after: readonly Resource[]): boolean {
  return before.length === after.length && before.every((resource, i) => resource.object === after[i]!.object);
}

function lintWarning(code: BuildWarningCode, message: string, file: string, field: string, closest: readonly string[]): BuildWarning {
  return { code, source: 'lint', message, location: { file, field }, ...(closest.length > 0 ? { closest } : {}) };
}

/** The images of every `containers` and `initContainers` list, in order. */
function containerImages(resources: readonly Resource[]): string[] {
  const names: string[] = [];
  const visit = (node: JsonValue): void => {
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    if (!isJsonObject(node)) return;
    for (const [key, value] of Object.entries(node)) {
      if ((key === 'containers' || key === 'initContainers') && Array.isArray(value)) {
        for (const container of value) {
          const image = isJsonObject(container) ? container['image'] : undefined;
          if (typeof image === 'string') names.push(image);
        }
      }
      if (typeof value === 'object' && value !== null) visit(value);
    }
  };
  for (const resource of resources) visit(resource.object);
  return names;
}

/** An `images:` entry that changed no image, with the image names nearest to its name. */
export function imageEntryWarning(entry: ImageEntry, field: string, file: string, before: readonly Resource[]): BuildWarning {
  const name = entry.name ?? '';
  const images = containerImages(before);
  const why = images.some(imageMatcher(name)) ? `every image named '${name}' already is as the entry sets it` : `no container image is named '${name}'`;
  return lintWarning('image-unmatched', `images entry '${name}' changed no image: ${why}`, file, field, closestNames(name, images.map((image) => splitImage(image).name)));
}

/** A `replicas:` entry that changed no count: the resources it names already have that count. */
export function replicasEntryWarning(entry: ReplicaEntry, field: string, file: string, before: readonly Resource[]): BuildWarning {
  const name = entry.name ?? '';
  return lintWarning('replicas-unmatched', `replicas entry '${name}' changed nothing: what it names already has ${entry.count ?? 0} replicas`, file, field, closestNames(name, before.map(nameOf)));
}

/** A patch whose target selected no resource, with the ids nearest to the target's name. */
export function patchTargetWarning(entry: PatchEntry, field: string, file: string, before: readonly Resource[]): BuildWarning | undefined {
  if (entry.target === undefined || selectResources(before, entry.target).length > 0) return undefined;
  return lintWarning('patch-unmatched', `the patch's target (${selectorText(entry.target)}) selected no resource`, file, `${field}.target`, closestIds(entry.target.name ?? entry.target.kind ?? '', before));
}

/** A replacement target that selected no resource, with the ids nearest to the name it selects. */
export function replacementTargetWarning(select: Readonly<Record<string, string | undefined>>, field: string, file: string, before: readonly Resource[]): BuildWarning {
  return lintWarning('replacement-unmatched', `the replacement target (${selectorText(select)}) selected no resource`, file, field, closestIds(select['name'] || select['kind'] || '', before));
}

/** A selector as `key=value` pairs, the empty fields left out. */
function selectorText(selector: object): string {
  return Object.entries(selector)
    .filter(([, value]) => value !== undefined && value !== '')
    .map(([key, value]) => `${key}=${String(value)}`)
    .join(', ');
}

/** A label or annotation entry that changed no resource: its field specs selected nothing that lacks its pairs. */
export function mapEntryWarning(kind: 'labels' | 'annotations', pairs: Readonly<Record<string, string>>, field: string, file: string, before: readonly Resource[], wantedKinds: readonly string[]): BuildWarning {
  const text = Object.entries(pairs).map(([key, value]) => `${key}: ${value}`).join(', ');
  const closest = wantedKinds.flatMap((kindName) => closestIds(kindName, before)).slice(0, 3);
  return lintWarning(`${kind}-unmatched`, `${field} {${text}} changed no resource: its field specs selected nothing, or every field already has these ${kind}`, file, field, closest);
}

/** The ids (`Kind/name`) of the resources whose name or kind is nearest to `wanted`. */
function closestIds(wanted: string, resources: readonly Resource[]): string[] {
  const ids = resources.map((resource) => currentId(resource)).map((id) => `${id.kind}/${id.name}`);
  return closestNames(wanted, ids, 3, (id) => [id.slice(0, id.indexOf('/')), id.slice(id.indexOf('/') + 1)]);
}
