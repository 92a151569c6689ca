import { KustomizeError } from '../../errors.js';
import { GoRegExp } from '../../regexp.js';

/** The parts of an image reference: `name[:tag][@digest]`, empty strings where absent. */
export interface ImageParts {
  readonly name: string;
  readonly tag: string;
  readonly digest: string;
}

/**
 * A matcher for images called `name`, with any tag and any sha256 digest, as kustomize's IsImageMatched.
 * Kustomize puts `name` into a regular expression unescaped, so `.` matches any character. It compiles the
 * expression when it first matches an image, so a name that is not a valid expression fails (kustomize
 * crashes) only a build with an image to match; so does the matcher here.
 */
export function imageMatcher(name: string): (image: string) => boolean {
  let pattern: GoRegExp | undefined;
  return (image) => {
    pattern ??= compileImagePattern(name);
    return pattern.test(image);
  };
}

function compileImagePattern(name: string): GoRegExp {
  try {
    return GoRegExp.compile(`^${name}(:[a-zA-Z0-9_.{}-]*)?(@sha256:[a-zA-Z0-9_.{}-]*)?$`);
  } catch {
    throw new KustomizeError(
      'invalid-kustomization',
      `invalid image name "${name}": it is matched as a regular expression and is not a valid one`,
      { field: 'images.name' },
      'escape characters such as [ ( * + ? with a backslash, or give the plain image name',
    );
  }
}

/**
 * Splits an image reference into name, tag and digest, as kustomize's image.Split: the tag separator
 * is the first `:` after the first `/` (so a registry port stays in the name), the digest starts at `@`.
 */
export function splitImage(image: string): ImageParts {
  const slash = image.indexOf('/');
  const offset = slash > 0 ? slash : 0;
  const rest = image.slice(offset);
  const at = rest.indexOf('@');
  const colon = rest.indexOf(':');
  if (colon < 0 && at < 0) return { name: image, tag: '', digest: '' };
  if (at >= 0 && (at < colon || colon < 0)) {
    return { name: image.slice(0, offset + at), tag: '', digest: image.slice(offset + at + 1) };
  }
  if (at >= 0) {
    return { name: image.slice(0, offset + colon), tag: image.slice(offset + colon + 1, offset + at), digest: image.slice(offset + at + 1) };
  }
  return { name: image.slice(0, offset + colon), tag: image.slice(offset + colon + 1), digest: '' };
}

/** The text of an image reference: `name[:tag][@digest]`. */
export function joinImage(parts: ImageParts): string {
  return `${parts.name}${parts.tag ? `:${parts.tag}` : ''}${parts.digest ? `@${parts.digest}` : ''}`;
}
