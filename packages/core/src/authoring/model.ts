/** What the edit commands share: the context they read through, their error, and typed reads of the decoded kustomization. */
import { KustomizeError } from '../errors.js';
import type { FileSystem } from '../fs/filesystem.js';
import { getOwn, isJsonObject, type JsonObject } from '../json.js';

/** What an edit reads besides the kustomization file, and where it leaves what kustomize would log. */
export interface EditContext {
  readonly fs: FileSystem;
  readonly directory: string;
  readonly notes: string[];
  /** Files besides the kustomization that the edit rewrites, absolute path to new text. */
  readonly otherFiles: Map<string, string>;
}

/** A wrong argument, or a state of the file the command refuses, in kustomize's words. */
export function invalid(message: string, hint?: string): KustomizeError {
  return new KustomizeError('invalid-argument', message, {}, hint);
}

/** The strings of the list field `field` (none when it is missing). */
export function stringList(model: JsonObject, field: string): string[] {
  const value = getOwn(model, field);
  return Array.isArray(value) ? value.map(String) : [];
}

/** The maps of the list field `field` (none when it is missing). */
export function objectList(model: JsonObject, field: string): JsonObject[] {
  const value = getOwn(model, field);
  return Array.isArray(value) ? value.filter(isJsonObject) : [];
}

/** The string field `field`, or `''` (Go's zero value). */
export function text(object: JsonObject, field: string): string {
  const value = getOwn(object, field);
  return typeof value === 'string' ? value : '';
}

/** kustomize's `NamespaceEqual`: an empty namespace and `default` are the same. */
export function sameNamespace(a: string, b: string): boolean {
  return (a || 'default') === (b || 'default');
}

/** What `work` returns; a KustomizeError it throws gets `prefix` before its message (as Go wraps errors). */
export function withPrefix<T>(prefix: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (prefix === '' || !(error instanceof KustomizeError)) throw error;
    throw new KustomizeError(error.code, `${prefix}${error.message}`, error.location, error.hint);
  }
}
