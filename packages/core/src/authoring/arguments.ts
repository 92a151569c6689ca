/**
 * Arguments of the authoring commands, read and checked as kustomize's commands read them
 * (`commands/internal/util`, `edit set image`, `edit set replicas`).
 */
import { isRemoteReference } from '../pipeline/remote.js';
import { KustomizeError } from '../errors.js';
import type { FileSystem } from '../fs/filesystem.js';
import { missingPathReason } from '../fs/missing.js';
import { resolve } from '../fs/path.js';
import { splitImage } from '../transform/images/image-name.js';
import { glob } from './glob.js';

/**
 * Expands path arguments as kustomize's `GlobPatternsWithLoader` does, relative to the directory `cwd`:
 * each pattern's matches (see {@link glob}), or, when nothing matches, the pattern itself if it names a
 * remote resource; otherwise kustomize's "has no match" error. kustomize clones a remote resource to check
 * it; kustomize-ts never uses the network, so a remote address is taken as written. With `skipValidation`
 * (`--no-verify`) the patterns are returned unchanged.
 */
export function expandPathArguments(fs: FileSystem, cwd: string, patterns: readonly string[], skipValidation = false): string[] {
  if (skipValidation) return [...patterns];
  const result: string[] = [];
  for (const pattern of patterns) {
    let matches: string[];
    try {
      matches = glob(fs, cwd, pattern);
    } catch (error) {
      if (error instanceof KustomizeError) throw new KustomizeError('invalid-argument', `error checking the filesystem: ${error.message}`, {}, error.hint);
      throw error;
    }
    if (matches.length > 0) {
      result.push(...matches);
      continue;
    }
    if (pattern !== '' && isRemoteReference(pattern)) {
      result.push(pattern);
      continue;
    }
    throw new KustomizeError('file-not-found', `${pattern} has no match: ${whyNoRoot(fs, cwd, pattern)}`, {}, 'check the path; it is read relative to the kustomization directory');
  }
  return result;
}

/** Why kustomize's file loader cannot open `path` as a new root, in its words (on-disk file system). */
function whyNoRoot(fs: FileSystem, cwd: string, path: string): string {
  if (path === '') return 'new root cannot be empty';
  if (path.startsWith('/')) return `new root '${path}' cannot be absolute`;
  return `must build at directory: not a valid directory: ${missingPathReason(fs, resolve(cwd, path))}`;
}

/**
 * `key:value` arguments as kustomize's `ConvertSliceToMap` reads them: the value starts after the first
 * `:` and loses one pair of surrounding double quotes; an argument without `:` is a key with an empty
 * value; an argument starting with `:` is an error. `kind` (`label`, `annotation`) names the argument in it.
 */
export function parseKeyValuePairs(args: readonly string[], kind: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const arg of args) {
    const colon = arg.indexOf(':');
    if (colon === 0) throw new KustomizeError('invalid-argument', `invalid ${kind}: '${arg}' (need k:v pair where v may be quoted)`);
    const [key, value] = colon < 0 ? [arg, ''] : [arg.slice(0, colon), trimQuotes(arg.slice(colon + 1))];
    Object.defineProperty(result, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return result;
}

function trimQuotes(text: string): string {
  return text.length >= 2 && text.startsWith('"') && text.endsWith('"') ? text.slice(1, -1) : text;
}

/** An `images` entry to set; `*` as `newName`, `newTag` or `digest` keeps the value the file has. */
export interface ImageSetting {
  readonly name: string;
  readonly newName?: string;
  readonly newTag?: string;
  readonly digest?: string;
}

const imageFormats = `invalid format of image, use one of the following options:
- <image>=<newimage>:<newtag>
- <image>=<newimage>@<digest>
- <image>=<newimage>:<newtag>@<digest>
- <image>=<newimage>
- <image>:<newtag>
- <image>:<newtag>@<digest>
- <image>@<digest>`;

/** Reads a `kustomize edit set image` argument: `name=newName[:tag][@digest]`, `name:tag[@digest]` or `name@digest`. */
export function parseImageArgument(arg: string): ImageSetting {
  const equals = arg.indexOf('=');
  const key = equals < 0 ? '' : arg.slice(0, equals);
  const value = equals < 0 ? arg : arg.slice(equals + 1);
  const { name, tag, digest } = splitImage(value);
  if (name === arg) throw new KustomizeError('invalid-argument', imageFormats);
  const target = key === '' ? { name } : { name: key, newName: name };
  return { ...target, ...(tag !== '' && { newTag: tag }), ...(digest !== '' && { digest }) };
}

/** A `replicas` entry to set. */
export interface ReplicaSetting {
  readonly name: string;
  readonly count: number;
}

/** Reads a `kustomize edit set replicas` argument: `name=count`, the count a (64-bit) integer. */
export function parseReplicasArgument(arg: string): ReplicaSetting {
  const parts = arg.split('=');
  if (parts.length !== 2 || !/^[+-]?\d+$/.test(parts[1]!) || !Number.isSafeInteger(Number(parts[1]))) {
    throw new KustomizeError('invalid-argument', 'invalid format of replica, use the following format: <name>=<count>');
  }
  return { name: parts[0]!, count: Number(parts[1]) };
}
