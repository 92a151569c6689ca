/**
 * Go's `fmt` reading text as a format with no arguments, as kustomize did (up to v5.7) where it passed a message
 * that holds user input, such as a field path, as the format of `Errorf`: `%%` becomes `%`, every verb
 * `%!v(MISSING)` (`%!v(BADINDEX)` with an argument index), a `*` width `%!(BADWIDTH)`, a `%` at the end `%!(NOVERB)`.
 */
export function goFormatWithoutArguments(text: string): string {
  if (!text.includes('%')) return text;
  let out = '';
  const chars = Array.from(text);
  for (let i = 0; i < chars.length; i++) {
    if (chars[i] !== '%') {
      out += chars[i];
      continue;
    }
    i++;
    while (i < chars.length && '+-# 0'.includes(chars[i]!)) i++;
    // An argument index (`%[1]d`) names an argument there is not.
    let badIndex = false;
    const index = /^\[\d+\]/.exec(chars.slice(i).join(''));
    if (index) {
      i += index[0].length;
      badIndex = true;
    }
    if (chars[i] === '*') {
      out += '%!(BADWIDTH)';
      i++;
    } else {
      while (i < chars.length && /[0-9]/.test(chars[i]!)) i++;
    }
    if (chars[i] === '.') {
      i++;
      if (chars[i] === '*') {
        out += '%!(BADPREC)';
        i++;
      } else {
        while (i < chars.length && /[0-9]/.test(chars[i]!)) i++;
      }
    }
    if (i >= chars.length) {
      out += '%!(NOVERB)';
      break;
    }
    out += chars[i] === '%' ? '%' : `%!${chars[i]}(${badIndex ? 'BADINDEX' : 'MISSING'})`;
  }
  return out;
}
