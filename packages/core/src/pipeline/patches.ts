import { applyJson6902, decodeJson6902, parseJson6902, strategicMerge, PatchError, type JsonPatchOperation, type SchemaLookup } from '@kustomize-ts/patches';
import { decodeUtf8, type Loader } from '../accumulate/loader.js';
import { parseResources } from '../accumulate/parse-resources.js';
import { KustomizeError } from '../errors.js';
import { getOwn, isJsonObject, withKey, withoutKey, type JsonObject, type JsonValue } from '../json.js';
import type { PatchEntry } from '../kustomization/types.js';
import { apiVersionOf, idEquals, idString, type ResourceId } from '../resource/id.js';
import { allIds, currentId, gvkOf, idOfObject, metadataOf, rememberCurrentId, withObject, type Resource } from '../resource/resource.js';
import { followLinks, withoutLinks } from '../resource/links.js';
import { selectResources, type ResourceSelector } from '../resource/select.js';
import { MAX_NESTING } from '../yaml/compose.js';
import { editDistance } from './diagnostics.js';
import { emitYaml, parseYaml } from '../yaml/index.js';

/** A strategic-merge patch as loaded: the patch object, where it came from, and what it may change. */
interface LoadedPatch {
  readonly object: JsonObject;
  readonly source: string;
  readonly allowNameChange: boolean;
  readonly allowKindChange: boolean;
}

/**
 * `patchesStrategicMerge` (and the PatchStrategicMergeTransformer, with `inline` patches): each entry is inline YAML or a file of
 * patches; each patch applies to the one resource whose current or any previous id is the patch's id.
 */
export function runStrategicMergePatches(resources: readonly Resource[], entries: readonly string[], loader: Loader, inline?: string, configFile?: string): Resource[] {
  const patches: LoadedPatch[] = [];
  for (const entry of entries) patches.push(...loadStrategicMergeEntry(entry, loader));
  if (inline) patches.push(...parseResources(inline, 'patches').map((r) => ({ object: r.object, source: configFile ?? 'inline patch', allowNameChange: false, allowKindChange: false })));
  if (patches.length === 0) {
    throw new KustomizeError('invalid-kustomization', `patch appears to be empty; files=[${entries.join(' ')}]`, { file: configFile ?? loader.display(loader.root), field: 'patchesStrategicMerge' }, 'give each patch at least one object with apiVersion, kind and metadata.name');
  }
  return applyEachToItsTarget(resources, patches, loader, true);
}

/**
 * One `patches` entry (and the PatchTransformer; `configFile` names the file that configured it in errors): a strategic-merge or a JSON6902 patch, detected as
 * kustomize detects it, applied to the `target` selection or, for strategic merge without a target, to
 * the resource the patch names.
 */
export function runPatchEntry(resources: readonly Resource[], entry: PatchEntry, loader: Loader, configFile?: string): Resource[] {
  const where = { file: configFile ?? loader.display(loader.root), field: 'patches' };
  const inline = (entry.patch ?? '').trim();
  const source = inline !== '' ? `[patch: ${JSON.stringify(inline)}]` : `[path: "${entry.path ?? ''}"]`;
  const patchFile = inline !== '' ? where.file : loader.display(loader.resolve(entry.path ?? ''));
  const behaviour = loader.session.behaviour;
  const kind = configuringPatchTransformer(entry, () => {
    if (inline === '' && !entry.path) throw new KustomizeError('invalid-kustomization', 'must specify one of patch and path in a patches entry', where, 'give the patch inline (patch:) or as a file (path:)');
    if (inline !== '' && entry.path) throw new KustomizeError('invalid-kustomization', "patch and path can't be set at the same time", where, 'keep only one of patch: and path:');
    const text = inline !== '' ? inline : readPatchText(loader, entry.path!);
    return detectPatchKind(text, source, where.file, behaviour.blankPatchFileIgnored);
  });
  if (kind.type === 'strategic' && kind.patches.length === 0) {
    // No object: kustomize takes its JSON6902 path with nothing to apply, which needs a target (v5.8.1 skips it).
    if (behaviour.emptyPatchIgnored) return [...resources];
    if (!entry.target) throw new KustomizeError('invalid-kustomization', `must specify a target for JSON patch ${source}`, where, 'the patch file holds no object; remove the entry or add target:');
    return applyJsonPatchToSelection(resources, entry.target, [], source, true);
  }
  if (kind.type === 'json6902') {
    if (!entry.target) throw new KustomizeError('invalid-kustomization', `must specify a target for JSON patch ${source}`, where, 'add target: with at least a kind and a name');
    return applyJsonPatchToSelection(resources, entry.target, kind.operations, source, true);
  }
  const patches = kind.patches.map((object) => ({ object, source: patchFile, allowNameChange: entry.options?.['allowNameChange'] === true, allowKindChange: entry.options?.['allowKindChange'] === true }));
  if (entry.target) {
    if (patches.length > 1) {
      throw new KustomizeError('invalid-kustomization', `Multiple Strategic-Merge Patches in one \`patches\` entry is not allowed to set \`patches.target\` field: ${source}`, where, 'split the patches into separate entries');
    }
    const selected = new Set(selectResources(resources, entry.target));
    return applyStrategicMerge(resources, selected, patches[0]!, loader);
  }
  return applyEachToItsTarget(resources, patches, loader, loader.session.behaviour.severalPatchDeletes);
}

/**
 * Runs the configuration step of kustomize's PatchTransformer (checking the entry, reading the patch), whose errors
 * kustomize prefixes with the entry as it configured the plugin: `trouble configuring builtin PatchTransformer with
 * config: ` and the entry's YAML between backquotes.
 */
function configuringPatchTransformer<T>(entry: PatchEntry, configure: () => T): T {
  try {
    return configure();
  } catch (error) {
    if (!(error instanceof KustomizeError)) throw error;
    const config = emitYaml(object([['path', entry.path], ['patch', entry.patch], ['target', entry.target], ['options', entry.options]]));
    return rethrowWithPrefix(error, `trouble configuring builtin PatchTransformer with config: \`\n${config}\`: `);
  }
}

/** A JSON object of the entries whose value is set and not empty, as Go's `omitempty` writes a struct. */
function object(entries: readonly (readonly [string, unknown])[]): JsonObject {
  const out: JsonObject = {};
  for (const [key, value] of entries) {
    if (value === undefined || value === '' || (typeof value === 'object' && value !== null && Object.keys(value).length === 0)) continue;
    out[key] = value as JsonValue;
  }
  return out;
}

function rethrowWithPrefix(error: KustomizeError, prefix: string): never {
  throw new KustomizeError(error.code, `${prefix}${error.message}`, error.location, error.hint, { cause: error.cause });
}

/**
 * Applies each patch to the one resource it names, in order. `patchesAfterDelete` is false where kustomize
 * crashed on a patch that follows a `$patch: delete`: up to v5.6, a `patches:` entry (the PatchTransformer)
 * kept the resource the delete emptied among those the next patch's target is looked up in;
 * `patchesStrategicMerge` never did.
 */
function applyEachToItsTarget(resources: readonly Resource[], patches: readonly LoadedPatch[], loader: Loader, patchesAfterDelete: boolean): Resource[] {
  let out: Resource[] = [...resources];
  let deleted: LoadedPatch | undefined;
  for (const patch of patches) {
    if (deleted !== undefined && !patchesAfterDelete) {
      throw new KustomizeError(
        'unsupported',
        `kustomize ${loader.session.behaviour.version} crashes (a nil pointer dereference) looking up the target of a strategic-merge patch after a patch that deleted a resource`,
        { file: patch.source },
        'put each $patch: delete in its own patches entry, or build as kustomize v5.7.1 or later (--kustomize-version)',
      );
    }
    const before = out.length;
    out = applyStrategicMerge(out, new Set([findPatchTarget(out, patch)]), patch, loader);
    if (out.length < before) deleted = patch;
  }
  return out;
}

/** A `patchesJson6902` entry (and the PatchJson6902Transformer): operations from a file or inline, applied to the target selection. */
export function runJson6902Entry(resources: readonly Resource[], entry: { readonly target?: ResourceSelector; readonly path?: string; readonly jsonOp?: string }, loader: Loader, configFile?: string): Resource[] {
  const where = { file: configFile ?? loader.display(loader.root), field: 'patchesJson6902' };
  if (!entry.target?.name) throw new KustomizeError('invalid-kustomization', 'must specify the target name', where, 'give target: a name (and kind)');
  if (!entry.path && !entry.jsonOp) throw new KustomizeError('invalid-kustomization', 'empty file path and empty jsonOp', where);
  if (entry.path && entry.jsonOp) throw new KustomizeError('invalid-kustomization', 'must specify a file path or jsonOp, not both', where);
  const text = entry.path ? readPatchText(loader, entry.path) : entry.jsonOp!;
  const source = entry.path ? `[path: "${entry.path}"]` : `[patch: ${JSON.stringify(text)}]`;
  const operations = parseJsonPatchText(text, source, where.file);
  if (operations === undefined || operations.length === 0) throw new KustomizeError('invalid-kustomization', `patch appears to be empty; ${source}`, where);
  return applyJsonPatchToSelection(resources, entry.target, operations, source, false);
}

const lenientUtf8 = new TextDecoder('utf-8');

/**
 * A patch file's text. JSON (text starting with `[`) is read as Go's encoding/json reads it, each invalid
 * UTF-8 byte as U+FFFD; YAML must be UTF-8, as go-yaml requires.
 */
function readPatchText(loader: Loader, path: string): string {
  const bytes = loader.readBytes(path);
  const text = lenientUtf8.decode(bytes);
  return text.startsWith('[') ? text : decodeUtf8(bytes, loader.display(loader.resolve(path)));
}

type DetectedPatch = { type: 'strategic'; patches: JsonObject[] } | { type: 'json6902'; operations: readonly JsonOperationMap[] };

/** A JSON6902 operation as read, checked only when the patch is applied (as kustomize checks it). */
type JsonOperationMap = JsonObject | null;

/**
 * Kustomize's rule: text that reads as resources is strategic merge, text that reads as an operation list is JSON6902;
 * neither is an error, and so is both, unless (from v5.7, `blankIgnored`) one of them holds nothing, as a file
 * of comments or blank lines reads as no resources and as a null operation list.
 */
function detectPatchKind(text: string, source: string, file: string, blankIgnored: boolean): DetectedPatch {
  let patches: JsonObject[] | undefined;
  try {
    patches = parseResources(text, source).map((r) => r.object);
  } catch {
    patches = undefined;
  }
  const operations = parseJsonPatchText(text, source, file, true);
  const both = blankIgnored ? (patches?.length ?? 0) > 0 && (operations?.length ?? 0) > 0 : patches !== undefined && operations !== undefined;
  if (both) {
    throw new KustomizeError('invalid-kustomization', `illegally qualifies as both an SM and JSON patch: ${source}`, { file });
  }
  if (patches !== undefined) return { type: 'strategic', patches };
  if (operations !== undefined) return { type: 'json6902', operations };
  throw new KustomizeError('invalid-kustomization', `unable to parse SM or JSON patch from ${source}`, { file }, 'a patch is either Kubernetes objects (strategic merge) or a list of JSON6902 operations');
}

/**
 * The operations of a JSON6902 patch given as JSON or YAML, as kustomize decodes them (a list of maps); `undefined`
 * (when `quiet`) if it is not one.
 */
function parseJsonPatchText(text: string, source: string, file: string, quiet = false): readonly JsonOperationMap[] | undefined {
  try {
    if (text.trim() === '') throw new Error('empty json patch operations');
    // Like kustomize, text that starts with '[' is JSON; anything else is YAML converted to JSON.
    const value = text.startsWith('[') ? parseJson(text, file) : parseYaml(text, file, { dialect: 'sigs-yaml' });
    return decodeJson6902(value);
  } catch (error) {
    if (error instanceof KustomizeError && error.code === 'limit-exceeded') throw error;
    if (quiet) return undefined;
    throw new KustomizeError('invalid-kustomization', `${(error as Error).message} in JSON patch ${source}`, { file }, 'a JSON6902 patch is a list of operations: [{op, path, value}]');
  }
}

/**
 * JSON text as a value. `JSON.parse` builds the whole tree before anything can look at it, so nesting is
 * bounded first, as the YAML reader bounds it (Go's encoding/json stops at 10,000 levels).
 */
function parseJson(text: string, file: string): JsonValue {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === 0x5c) i++;
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) {
      inString = true;
    } else if (code === 0x5b || code === 0x7b) {
      if (++depth > MAX_NESTING) throw new KustomizeError('limit-exceeded', `JSON nests more than ${MAX_NESTING} levels deep (at offset ${i})`, { file }, 'flatten the patch');
    } else if (code === 0x5d || code === 0x7d) {
      depth--;
    }
  }
  return JSON.parse(text) as JsonValue;
}

function loadStrategicMergeEntry(entry: string, loader: Loader): LoadedPatch[] {
  try {
    const inline = parseResources(entry, 'patchesStrategicMerge');
    if (inline.length > 0) return inline.map((r) => ({ object: r.object, source: 'inline patch', allowNameChange: false, allowKindChange: false }));
  } catch {
    // Not inline YAML: a path, as kustomize falls back to.
  }
  const file = loader.display(loader.resolve(entry));
  return parseResources(loader.readResourceText(entry), file, undefined, loader.cachedFile(entry)).map((r) => ({ object: r.object, source: file, allowNameChange: false, allowKindChange: false }));
}

/** The one resource any of whose ids equals the patch's id: kustomize's GetById, with the closest ids in the hint. */
function findPatchTarget(resources: readonly Resource[], patch: LoadedPatch): Resource {
  const id = idOfObject(patch.object);
  const matches = resources.filter((resource) => allIds(resource).some((candidate) => idEquals(candidate, id)));
  if (matches.length === 1) return matches[0]!;
  const kustomizeText = `${matches.length > 1 ? 'multiple matches' : 'no matches'} for Id ${idString(id)}; failed to find unique target for patch ${idString(id)}`;
  if (matches.length > 1) {
    throw new KustomizeError('ambiguous-match', `strategic merge patch ${idString(id)} matches ${matches.length} resources: ${kustomizeText}`, { file: patch.source }, 'give the patch a metadata.namespace so it names one resource');
  }
  const closest = closestIds(resources, id);
  throw new KustomizeError(
    'no-match',
    `no resource matches strategic merge patch ${idString(id)}: ${kustomizeText}`,
    { file: patch.source },
    `${closest.length > 0 ? `the closest resources are ${closest.join(', ')}; ` : 'the build has no resources; '}the patch must name a resource by apiVersion, kind, metadata.name and metadata.namespace`,
  );
}

/** Up to three ids of `resources` most like `id`: same kind first, then by edit distance of the name. */
function closestIds(resources: readonly Resource[], id: ResourceId): string[] {
  return resources
    .map((resource) => currentId(resource))
    .map((candidate) => ({ candidate, score: (candidate.kind === id.kind ? 0 : 1000) + editDistance(candidate.name, id.name) }))
    .sort((a, b) => a.score - b.score)
    .slice(0, 3)
    .map((entry) => idString(entry.candidate));
}

/** Applies a strategic-merge patch to every resource in `selected`, as kustomize's ResMap.ApplySmPatch. */
function applyStrategicMerge(resources: readonly Resource[], selected: ReadonlySet<Resource>, patch: LoadedPatch, loader: Loader): Resource[] {
  const schema = loader.session.openApi.schema;
  // kustomize's schema is global and loaded on first use: a merge now fixes the built-in schema's part in it.
  if (!loader.session.openApi.builtinLoaded) loader.session.openApi = { ...loader.session.openApi, builtinLoaded: true };
  const out: Resource[] = [];
  for (const resource of resources) {
    if (!selected.has(resource)) {
      out.push(resource);
      continue;
    }
    const patched = applyOneStrategicMerge(resource, patch, schema);
    if (patched) out.push(patched);
  }
  return out;
}

function applyOneStrategicMerge(resource: Resource, patch: LoadedPatch, schema: SchemaLookup | undefined): Resource | undefined {
  const id = currentId(resource);
  const base = patch.allowNameChange || patch.allowKindChange ? rememberCurrentId(resource) : resource;
  // The patch takes the target's apiVersion, keeping its own kind, as kustomize does before merging. An empty one
  // is an untagged empty scalar there, which the merge skips as it skips a missing field.
  const apiVersion = apiVersionOf(gvkOf(resource.object));
  const patchObject = apiVersion === '' ? withoutKey(patch.object, 'apiVersion') : withKey(patch.object, 'apiVersion', apiVersion);
  let merged: JsonObject | null;
  try {
    merged = strategicMerge(resource.object, patchObject, schema ? { schema } : {});
  } catch (error) {
    throw wrapPatchError(error, patch.source, id);
  }
  if (merged === null || Object.keys(merged).length === 0) return undefined;
  let object = merged;
  if (!patch.allowKindChange) object = withKey(object, 'kind', id.kind);
  const metadata = metadataOf(object);
  let nextMetadata = patch.allowNameChange ? metadata : withKey(metadata, 'name', id.name);
  if (id.namespace === '') {
    if (getOwn(nextMetadata, 'namespace') !== undefined) {
      const { namespace: _dropped, ...rest } = nextMetadata;
      nextMetadata = rest;
    }
  } else {
    nextMetadata = withKey(nextMetadata, 'namespace', id.namespace);
  }
  // The merge writes into the resource's nodes in place, entries written together included.
  return followLinks(resource, withObject(base, withKey(object, 'metadata', nextMetadata)));
}

function applyJsonPatchToSelection(resources: readonly Resource[], target: ResourceSelector, operationMaps: readonly JsonOperationMap[], source: string, rememberIds: boolean): Resource[] {
  const selected = new Set(selectResources(resources, target));
  // Kustomize's json-patch library reads the operations as it applies them: a malformed one fails only a patch that selects something.
  let operations: JsonPatchOperation[] | undefined;
  return resources.map((resource) => {
    if (!selected.has(resource)) return resource;
    const base = rememberIds ? rememberCurrentId(resource) : resource;
    try {
      operations ??= parseJson6902([...operationMaps]);
      const patched = applyJson6902(resource.object, operations);
      if (!isJsonObject(patched)) throw new Error('the patch did not leave an object');
      // Kustomize applies a JSON patch to the resource's JSON and reads the result back: new nodes throughout.
      return withoutLinks(withObject(base, patched));
    } catch (error) {
      throw wrapPatchError(error, source, currentId(resource));
    }
  });
}

function wrapPatchError(error: unknown, source: string, id: ResourceId): KustomizeError {
  if (error instanceof KustomizeError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const field = error instanceof PatchError && error.path !== undefined ? error.path : undefined;
  return new KustomizeError('transform-failed', `applying patch ${source} to ${idString(id)}: ${message}`, { file: source, ...(field ? { field } : {}) }, undefined, { cause: error });
}
