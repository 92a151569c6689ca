import { isJsonObject, type JsonValue } from '../json.js';
import { PatchError } from '../errors.js';
import { compactOpenApi, typeKey, type CompactObjectSchema, type CompactOpenApi, type CompactSchema } from './compact.js';
import { builtinTableJson } from './kubernetes-1.21.2.js';

/**
 * One schema as kustomize's strategic merge consults it (kyaml's `ResourceSchema`): the schema of a resource, of a
 * field, or of a list's elements.
 */
export interface FieldSchema {
  /** The schema of field `name`: a declared property, else the map-value schema, else undefined. */
  field(name: string): FieldSchema | undefined;
  /** The schema of the elements when this is an array schema with items, else undefined. */
  elements(): FieldSchema | undefined;
  /** The raw `x-kubernetes-patch-strategy`, e.g. `merge` or `merge,retainKeys`. */
  readonly patchStrategy: string | undefined;
  /** The merge keys of a list: `x-kubernetes-list-map-keys`, else the `x-kubernetes-patch-merge-key`; empty for primitive lists. */
  readonly mergeKeys: readonly string[];
  /** True when the patch strategy includes `merge`: only then does kyaml merge a list element by element. */
  readonly mergesList: boolean;
}

/** The facts of a whole OpenAPI document. */
interface SchemaTables {
  readonly definitions: ReadonlyMap<string, CompactSchema>;
  readonly kinds: ReadonlyMap<string, string>;
  readonly namespaced: ReadonlyMap<string, boolean>;
}

/**
 * Resolves resource types to their schemas. Build one with {@link builtinSchema}, {@link schemaFromOpenApi} or
 * {@link combineSchemas}; the tables are computed on first use, lookups once, and both are cached.
 */
export class SchemaLookup {
  #computeTables: (() => SchemaTables) | undefined;
  #computedTables: SchemaTables | undefined;
  readonly #nodes = new WeakMap<CompactObjectSchema, SchemaNode>();

  /** Use {@link builtinSchema}, {@link schemaFromOpenApi} or {@link combineSchemas}. */
  private constructor(computeTables: () => SchemaTables) {
    this.#computeTables = computeTables;
  }

  /** The tables, computed on first use: the built-in ones are parsed only by a process that consults them. */
  get #tables(): SchemaTables {
    if (this.#computedTables === undefined) {
      this.#computedTables = this.#computeTables!();
      this.#computeTables = undefined;
    }
    return this.#computedTables;
  }

  /** @internal Builds a lookup from compact documents; earlier documents win where they define the same name or type. */
  static fromCompact(documents: readonly CompactOpenApi[]): SchemaLookup {
    return SchemaLookup.fromLazyCompact(() => documents);
  }

  /** @internal {@link fromCompact} of documents computed on first use. */
  static fromLazyCompact(computeDocuments: () => readonly CompactOpenApi[]): SchemaLookup {
    return new SchemaLookup(() => {
      const documents = computeDocuments();
      return {
        definitions: mergeRecords(documents.map((document) => document.definitions)),
        kinds: mergeRecords(documents.map((document) => document.kinds)),
        namespaced: mergeRecords(documents.map((document) => document.namespaced)),
      };
    });
  }

  /** @internal Combines lookups; earlier ones win. */
  static combine(lookups: readonly SchemaLookup[]): SchemaLookup {
    return new SchemaLookup(() => {
      const pick = <T>(select: (tables: SchemaTables) => ReadonlyMap<string, T>): Map<string, T> => {
        const merged = new Map<string, T>();
        for (const lookup of lookups) for (const [key, value] of select(lookup.#tables)) if (!merged.has(key)) merged.set(key, value);
        return merged;
      };
      return { definitions: pick((t) => t.definitions), kinds: pick((t) => t.kinds), namespaced: pick((t) => t.namespaced) };
    });
  }

  /** The schema of resources of this type, or undefined when the type is unknown. */
  resource(apiVersion: string, kind: string): FieldSchema | undefined {
    const name = this.#tables.kinds.get(typeKey(apiVersion, kind));
    return name === undefined ? undefined : this.node(name);
  }

  /** Whether resources of this type are namespaced, as the document's API paths say; undefined when they don't. */
  isNamespaced(apiVersion: string, kind: string): boolean | undefined {
    return this.#tables.namespaced.get(typeKey(apiVersion, kind));
  }

  /** @internal The resolved node for a compact schema; references are followed (kyaml loops until no `$ref` is left). */
  node(schema: CompactSchema | undefined): FieldSchema | undefined {
    let current = schema;
    for (let hops = 0; typeof current === 'string'; hops++) {
      if (hops > this.#tables.definitions.size) return undefined;
      current = this.#tables.definitions.get(current);
    }
    if (current === undefined || current === null) return undefined;
    if (current === 0) return opaqueSchema;
    let node = this.#nodes.get(current);
    if (node === undefined) {
      node = new SchemaNode(this, current);
      this.#nodes.set(current, node);
    }
    return node;
  }
}

/** A schema with facts. Field and element lookups are cached per node. */
class SchemaNode implements FieldSchema {
  readonly patchStrategy: string | undefined;
  readonly mergeKeys: readonly string[];
  readonly mergesList: boolean;
  readonly #lookup: SchemaLookup;
  readonly #schema: CompactObjectSchema;
  readonly #fields = new Map<string, FieldSchema | undefined>();

  constructor(lookup: SchemaLookup, schema: CompactObjectSchema) {
    this.#lookup = lookup;
    this.#schema = schema;
    this.patchStrategy = schema.s;
    this.mergeKeys = schema.k ?? [];
    this.mergesList = schema.s !== undefined && schema.s.split(',').includes('merge');
  }

  field(name: string): FieldSchema | undefined {
    if (this.#fields.has(name)) return this.#fields.get(name);
    const properties = this.#schema.p;
    const declared = properties !== undefined && Object.prototype.hasOwnProperty.call(properties, name) ? properties[name] : undefined;
    const result = this.#lookup.node(declared !== undefined ? declared : this.#schema.a);
    this.#fields.set(name, result);
    return result;
  }

  elements(): FieldSchema | undefined {
    return this.#schema.i === undefined ? undefined : this.#lookup.node(this.#schema.i);
  }
}

/** A schema that exists but carries nothing the merge uses. It differs from no schema: kyaml then does not look the type up by apiVersion and kind. */
const opaqueSchema: FieldSchema = {
  field: () => undefined,
  elements: () => undefined,
  patchStrategy: undefined,
  mergeKeys: [],
  mergesList: false,
};

function mergeRecords<T>(records: readonly Record<string, T>[]): Map<string, T> {
  const merged = new Map<string, T>();
  for (const record of records) for (const key of Object.keys(record)) if (!merged.has(key)) merged.set(key, record[key] as T);
  return merged;
}

interface BuiltinTable {
  kubernetes: CompactOpenApi;
  kustomize: CompactOpenApi;
}

let parsedTable: BuiltinTable | undefined;

/** The built-in table, parsed once on first use; it is never changed after. */
function builtinTable(): BuiltinTable {
  parsedTable ??= JSON.parse(builtinTableJson) as BuiltinTable;
  return parsedTable;
}

/**
 * The schema kustomize v5.5.0 uses when a kustomization sets no `openapi` field: Kubernetes v1.21.2 plus kustomize's
 * own Kustomization types (kyaml always loads those, after the Kubernetes ones).
 */
export const builtinSchema: SchemaLookup = SchemaLookup.fromLazyCompact(() => [builtinTable().kustomize, builtinTable().kubernetes]);

/**
 * A schema from a user's OpenAPI document, as kustomize's `openapi: {path: …}` field loads it: the document's
 * `definitions` (with `x-kubernetes-group-version-kind`, `x-kubernetes-patch-strategy`,
 * `x-kubernetes-patch-merge-key`, `x-kubernetes-list-map-keys`) and `paths` (for namespaced-ness), plus kustomize's
 * Kustomization types.
 *
 * kustomize does not merge this over the built-in Kubernetes schema: a custom schema replaces it, so lists of
 * built-in kinds the document does not describe are no longer merged by key (verified with `kubectl kustomize`).
 * Use {@link combineSchemas} where a merged schema is wanted. kustomize's `crds:` field has no effect on strategic
 * merge (it only feeds name-reference and label/annotation field specs), so there is no counterpart for it here.
 *
 * @param document the parsed JSON or YAML document
 * @throws PatchError when the document is not an object
 */
export function schemaFromOpenApi(document: JsonValue): SchemaLookup {
  if (!isJsonObject(document)) throw new PatchError('schema', 'an OpenAPI document must be an object with "definitions"');
  return SchemaLookup.fromCompact([builtinTable().kustomize, compactOpenApi(document)]);
}

/**
 * One lookup answering from several: earlier lookups win where more than one defines the same definition name or
 * resource type. References resolve across all of them, as in kyaml's single global schema.
 */
export function combineSchemas(...lookups: readonly SchemaLookup[]): SchemaLookup {
  return SchemaLookup.combine(lookups);
}

/**
 * Whether resources of this type are namespaced in Kubernetes v1.21.2 (kyaml's built-in answer, which kustomize
 * consults before any custom schema); undefined for types it does not know.
 */
export function isNamespacedKind(apiVersion: string, kind: string): boolean | undefined {
  return builtinSchema.isNamespaced(apiVersion, kind);
}
