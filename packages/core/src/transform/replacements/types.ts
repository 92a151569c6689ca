import { KustomizeError } from '../../errors.js';
import { isJsonObject, type JsonValue } from '../../json.js';
import { versionBehaviour } from '../../versions.js';
import { FieldReader } from './decode.js';

/** Kustomize's default field path of a replacement source or target. */
export const defaultReplacementFieldPath = 'metadata.name';

/** Group, version, kind, name and namespace of resources to pick; empty fields match anything. */
export interface ResIdSelector {
  readonly group?: string;
  readonly version?: string;
  readonly kind?: string;
  readonly name?: string;
  readonly namespace?: string;
}

/** Refines how a field is read or written: a part of a delimited value, and creation of a missing field. */
export interface FieldOptions {
  /** Splits (source) or splits and joins (target) the value on this text. */
  readonly delimiter?: string;
  /** Which part of the split value; for a target, below 0 prepends and past the end appends. */
  readonly index?: number;
  /** Unused by kustomize v5.5.0; accepted and ignored. */
  readonly encoding?: string;
  /** Create the target field (and the maps and list elements leading to it) when missing. */
  readonly create?: boolean;
}

/** Where a replacement's value comes from: exactly one resource and a field path in it. */
export interface SourceSelector extends ResIdSelector {
  /** Dotted path, `metadata.name` when empty. */
  readonly fieldPath?: string;
  readonly options?: FieldOptions;
}

/** Resources picked by id fields, label selector and annotation selector together. */
export interface Selector extends ResIdSelector {
  readonly annotationSelector?: string;
  readonly labelSelector?: string;
}

/** Where a replacement's value goes: the selected resources, less the rejected ones, at each field path. */
export interface TargetSelector {
  readonly select: Selector;
  readonly reject?: readonly Selector[];
  /** Dotted paths; `[metadata.name]` when empty. */
  readonly fieldPaths?: readonly string[];
  readonly options?: FieldOptions;
}

/** One entry of kustomize's `replacements`: copy one field of one resource, or a static value, into fields of others. */
export interface Replacement {
  /** Set unless `sourceValue` is (setting both is an error when the replacement runs). */
  readonly source?: SourceSelector;
  /** A static value to write, as a string (kustomize v5.7 and later). */
  readonly sourceValue?: string;
  readonly targets: readonly TargetSelector[];
}

/** How a kustomize release decodes replacements: whether it knows `sourceValue` (v5.7 and later). */
export interface ReplacementReading {
  readonly sourceValue: boolean;
}

const newestReading: ReplacementReading = { sourceValue: versionBehaviour().replacementSourceValue };

/** Reads the `path:` file of a replacements entry: called with the path as written, returns its parsed content. */
export type ReplacementFileLoader = (path: string) => JsonValue;

function invalid(message: string, file: string, field: string, hint: string): KustomizeError {
  return new KustomizeError('invalid-kustomization', message, { file, field }, hint);
}

function readResId(reader: FieldReader): ResIdSelector {
  return {
    group: reader.string('group'),
    version: reader.string('version'),
    kind: reader.string('kind'),
    name: reader.string('name'),
    namespace: reader.string('namespace'),
  };
}

function readOptions(reader: FieldReader | undefined): FieldOptions | undefined {
  if (reader === undefined) return undefined;
  return { delimiter: reader.string('delimiter'), index: reader.int('index'), encoding: reader.string('encoding'), create: reader.bool('create') };
}

function readSelector(reader: FieldReader): Selector {
  return { ...readResId(reader), annotationSelector: reader.string('annotationSelector'), labelSelector: reader.string('labelSelector') };
}

function readTarget(reader: FieldReader): TargetSelector {
  const select = reader.object('select');
  if (select === undefined) {
    throw invalid('target must specify resources to select', reader.file, reader.fieldPath('select'), 'give the target a select, e.g. select: {kind: Deployment}');
  }
  const reject = reader.list('reject')?.map((item, i) => readSelector(reader.item(item, `${reader.fieldPath('reject')}[${i}]`)));
  const fieldPaths = reader.stringList('fieldPaths');
  const options = readOptions(reader.object('options'));
  return {
    select: readSelector(select),
    ...(reject === undefined ? {} : { reject }),
    ...(fieldPaths === undefined ? {} : { fieldPaths }),
    ...(options === undefined ? {} : { options }),
  };
}

/**
 * Reads one replacement. `emptyTargetsAllowed` is true for entries of a `path:` file: kustomize reads those
 * directly, while inline entries pass through a YAML round trip that drops an empty `targets` list.
 */
function readReplacement(reader: FieldReader, emptyTargetsAllowed: boolean, reading: ReplacementReading): Replacement {
  const source = reader.object('source');
  const sourceValue = reading.sourceValue ? reader.optionalString('sourceValue') : undefined;
  const targets = reader.list('targets');
  if ((source === undefined && sourceValue === undefined) || targets === undefined || (targets.length === 0 && !emptyTargetsAllowed)) {
    throw invalid('replacements must specify a source and at least one target', reader.file, reader.path, 'give the replacement a source (or a sourceValue) and a list of targets');
  }
  const options = readOptions(source?.object('options'));
  return {
    ...(source === undefined ? {} : { source: { ...readResId(source), fieldPath: source.string('fieldPath'), ...(options === undefined ? {} : { options }) } }),
    ...(sourceValue === undefined ? {} : { sourceValue }),
    targets: targets.map((item, i) => readTarget(reader.item(item, `${reader.fieldPath('targets')}[${i}]`))),
  };
}

function rootReader(file: string): FieldReader {
  return new FieldReader({}, 'replacement', file, '', 'invalid-kustomization');
}

/** Go's name for the kind of a value decoded from JSON, as kustomize prints it for a replacements file of the wrong shape. */
function goKind(value: JsonValue): string {
  if (value === null) return 'invalid';
  if (typeof value === 'number') return 'float64';
  return typeof value === 'boolean' ? 'bool' : typeof value;
}

/**
 * Parses the content of a replacements `path:` file: a list of replacements or a single one. Field names
 * match ignoring case and unknown fields are ignored, as kustomize reads such files.
 */
export function parseReplacementFile(content: JsonValue, file: string, reading: ReplacementReading = newestReading): Replacement[] {
  const root = rootReader(file);
  if (Array.isArray(content)) return content.map((item, i) => readReplacement(root.item(item, `[${i}]`), true, reading));
  if (isJsonObject(content)) return [readReplacement(root.item(content, ''), true, reading)];
  throw invalid(`unsupported replacement type encountered within replacement path: ${goKind(content)}`, file, '', 'the file must hold a replacement or a list of replacements');
}

/**
 * Parses a kustomization's `replacements` list (null means none), as the newest kustomize reads it unless `reading` says otherwise. An entry with `path:` is read with
 * `loadFile` and may hold one replacement or a list; an entry may not have both a path and inline fields.
 * Throws a KustomizeError naming the field on a missing source, targets or select, or a value of the wrong type.
 */
export function parseReplacements(value: JsonValue, file: string, loadFile?: ReplacementFileLoader, reading: ReplacementReading = newestReading): Replacement[] {
  if (value === null) return [];
  const root = rootReader(file);
  if (!Array.isArray(value)) throw root.typeError('replacements', value, 'list');
  const out: Replacement[] = [];
  value.forEach((item, i) => {
    const entry = root.item(item, `replacements[${i}]`);
    const path = entry.string('path');
    if (path === '') {
      out.push(readReplacement(entry, false, reading));
      return;
    }
    if (entry.raw('source') !== undefined || (reading.sourceValue && entry.raw('sourceValue') !== undefined) || (entry.list('targets')?.length ?? 0) !== 0) {
      throw invalid('cannot specify both path and inline replacement', file, entry.path, 'keep either path or source and targets');
    }
    if (loadFile === undefined) {
      throw new KustomizeError('unsupported', `replacements file '${path}' cannot be read here`, { file, field: entry.fieldPath('path') }, 'pass a file loader to parseReplacements');
    }
    out.push(...parseReplacementFile(loadFile(path), path, reading));
  });
  return out;
}
