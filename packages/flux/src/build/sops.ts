import { emitYaml, getOwn, isJsonObject, KustomizeError, withKey, withoutKey, type JsonObject } from '@kustomize-ts/core';

/**
 * `flux build` never prints SOPS-encrypted secret material (flux2 `maskSopsData`): a Secret encrypted as
 * a whole (`sops:` with `mac: ENC[`) has every value replaced by `**SOPS**` and loses its `sops` field;
 * in other Secrets only values that look encrypted (`sops` and `ENC[`, after base64 decoding for `data`)
 * are replaced.
 */

const mask = '**SOPS**';
const encoder = new TextEncoder();

function base64(text: string): string {
  let binary = '';
  for (const byte of encoder.encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Go's `base64.StdEncoding.DecodeString` (line breaks ignored, padding required), or `undefined` for corrupt input. */
function decodeBase64(text: string): string | undefined {
  const compact = text.replace(/[\r\n]/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 !== 0) return undefined;
  return atob(compact);
}

const sopsMask = base64(mask);
const dockerMask = JSON.stringify({ mask });

function stringMap(object: JsonObject, field: string): Record<string, string> | undefined {
  const value = getOwn(object, field);
  if (!isJsonObject(value)) return undefined;
  const out: Record<string, string> = {};
  for (const [key, entry] of Object.entries(value)) {
    Object.defineProperty(out, key, { value: typeof entry === 'string' ? entry : entry === null ? '' : String(entry), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

function secretName(object: JsonObject): string {
  const metadata = getOwn(object, 'metadata');
  const name = isJsonObject(metadata) ? getOwn(metadata, 'name') : undefined;
  return typeof name === 'string' ? name : '';
}

const mapValues = (map: Record<string, string>, value: (entry: string) => string): JsonObject =>
  Object.fromEntries(Object.entries(map).map(([key, entry]) => [key, value(entry)]));

/**
 * A Secret with its SOPS-encrypted values masked; other objects are returned as they are.
 *
 * @throws KustomizeError when a `data` value of a Secret is not base64, as Flux refuses it.
 */
export function maskSopsData(object: JsonObject): JsonObject {
  if (getOwn(object, 'kind') !== 'Secret') return object;
  const data = stringMap(object, 'data') ?? {};
  const stringData = stringMap(object, 'stringData') ?? {};
  const yaml = emitYaml(object);
  let result = object;
  let maskedData: JsonObject;
  let maskedStringData: JsonObject;
  if (yaml.includes('sops:') && yaml.includes('mac: ENC[')) {
    result = withoutKey(result, 'sops');
    const type = getOwn(object, 'type') ?? 'Opaque';
    const docker = type === 'kubernetes.io/dockerconfigjson';
    maskedData = mapValues(data, () => (docker ? base64(dockerMask) : sopsMask));
    maskedStringData = mapValues(stringData, () => (docker ? dockerMask : mask));
  } else {
    maskedData = mapValues(data, (value) => {
      const decoded = decodeBase64(value);
      if (decoded === undefined) {
        throw new KustomizeError('invalid-resource', `failed to mask secret ${secretName(object)} sops data: illegal base64 data`, { field: 'data' }, 'Secret data values must be base64');
      }
      return decoded.includes('sops') && decoded.includes('ENC[') ? sopsMask : value;
    });
    maskedStringData = mapValues(stringData, (value) => (value.includes('sops') && value.includes('ENC[') ? sopsMask : value));
  }
  // kyaml's SetDataMap clears `data` and writes it back only when there is something to write.
  result = Object.keys(maskedData).length > 0 ? withKey(result, 'data', maskedData) : withoutKey(result, 'data');
  if (Object.keys(maskedStringData).length > 0) result = withKey(result, 'stringData', maskedStringData);
  return result;
}
