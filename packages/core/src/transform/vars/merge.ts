import { KustomizeError } from '../../errors.js';
import { effectiveNamespace, gvkEquals, type ResourceId } from '../../resource/id.js';
import { currentId, type Resource } from '../../resource/resource.js';
import { formatVar, formatVarList, varGvk, type Var } from './types.js';

/** The vars declared so far in a build, by name, each name once. */
export type VarSet = readonly Var[];

/** A var set with no vars. */
export const emptyVarSet: VarSet = [];

/** The namespace a previous id is compared by: stored already effective, with `default` for none. */
function previousNamespace(id: ResourceId): string {
  return id.namespace === '' ? 'default' : id.namespace;
}

/**
 * True when the resource has had the id the var's objref names, as kustomize's MergeVars matches: group,
 * version, kind and name equal; the namespace too when the objref gives one (else any namespace).
 */
function hasHadObjRefId(resource: Resource, variable: Var): boolean {
  const gvk = varGvk(variable.objref);
  const name = variable.objref.name ?? '';
  const namespace = variable.objref.namespace ?? '';
  const current = currentId(resource);
  const candidates: { id: ResourceId; namespace: string }[] = [
    // Previous ids take the current group and version, as kustomize rebuilds them.
    ...resource.previousIds.map((id) => ({ id: { ...id, group: current.group, version: current.version }, namespace: previousNamespace(id) })),
    { id: current, namespace: effectiveNamespace(current) },
  ];
  return candidates.some(({ id, namespace: idNamespace }) => gvkEquals(id, gvk) && id.name === name && (namespace === '' || namespace === idNamespace));
}

/**
 * Adds a kustomization's vars to the set, binding each to the resource it reads from (kustomize's MergeVars,
 * run after the kustomization's transformers): the one resource whose current or earlier id the objref names is
 * marked with the var's name. A var that matches no resource stays unbound (an error only when vars are
 * resolved). Throws a KustomizeError when a var matches several resources or its name is already declared.
 */
export function mergeVars(resources: readonly Resource[], vars: VarSet, incoming: readonly Var[]): { resources: Resource[]; vars: VarSet } {
  const out = [...resources];
  for (const variable of incoming) {
    const matched = out.flatMap((resource, index) => (hasHadObjRefId(resource, variable) ? [index] : []));
    if (matched.length > 1) {
      throw new KustomizeError(
        'ambiguous-match',
        `merging vars ${formatVarList(incoming)}: found ${matched.length} resId matches for var ${formatVar(variable, 'matched')} (unable to disambiguate)`,
        {},
        `give var '${variable.name}' an objref namespace (or apiVersion) that names one resource`,
      );
    }
    if (matched.length === 1) {
      const resource = out[matched[0]!]!;
      out[matched[0]!] = { ...resource, refVarNames: [...(resource.refVarNames ?? []), variable.name] };
    }
  }
  const duplicate = duplicateName(vars, incoming);
  if (duplicate !== undefined) throw alreadyEncountered(duplicate, `merging vars ${formatVarList(incoming)}: `);
  return { resources: out, vars: union(vars, incoming) };
}

/** The first name of `incoming` already in `vars` or earlier in `incoming`. */
function duplicateName(vars: VarSet, incoming: readonly Var[]): string | undefined {
  const seen = new Set(vars.map((variable) => variable.name));
  for (const variable of incoming) {
    if (seen.has(variable.name)) return variable.name;
    seen.add(variable.name);
  }
  return undefined;
}

function alreadyEncountered(name: string, context: string): KustomizeError {
  return new KustomizeError('invalid-kustomization', `${context}var '${name}' already encountered`, {}, 'give each var a name used nowhere else in the build');
}

function union(vars: VarSet, incoming: readonly Var[]): VarSet {
  return [...vars, ...incoming].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * The union of two var sets, as kustomize merges a base's vars into the including kustomization's
 * (VarSet.MergeSet); kept sorted by name. Throws a KustomizeError when a name is in both.
 */
export function mergeVarSets(vars: VarSet, incoming: VarSet): VarSet {
  const duplicate = duplicateName(vars, incoming);
  if (duplicate !== undefined) throw alreadyEncountered(duplicate, '');
  return union(vars, incoming);
}
