/** `path` appended to the origin path `base` (both relative to the build root), normalised as kustomize's filepath.Join. */
export function joinOriginPath(base: string, path: string): string {
  const joined = base === '' ? path : `${base}/${path}`;
  const parts: string[] = [];
  for (const part of joined.split('/')) {
    if (part === '.' || part === '') continue;
    if (part === '..' && parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
    else parts.push(part);
  }
  return parts.join('/');
}
