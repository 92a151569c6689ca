import { createColors } from 'picocolors';

/**
 * Colour for the reports people read on a terminal (`diff`, `golden check`, `lint`): additions green,
 * removals red, changes yellow, hunk headers cyan. The reports are made as plain text by the library;
 * colour is laid over them line by line, only when stdout is a terminal and NO_COLOR is not set
 * (see `CommandIO.colour`).
 */

type Paint = (text: string) => string;

function palette(enabled: boolean) {
  const colors = createColors(enabled);
  return { added: colors.green, removed: colors.red, changed: colors.yellow, hunk: colors.cyan, header: colors.bold, place: colors.cyan };
}

/** Applies `rules` (the first whose pattern matches a line paints it) to every line of `text`. */
function paintLines(text: string, rules: readonly [RegExp, Paint][]): string {
  return text
    .split('\n')
    .map((line) => rules.find(([pattern]) => pattern.test(line))?.[1](line) ?? line)
    .join('\n');
}

/** The report of `kustomize-ts diff`: `+ added`, `- removed`, `~ changed` resources and fields. */
export function colourResourceDiff(text: string, enabled: boolean): string {
  if (!enabled) return text;
  const paint = palette(true);
  return paintLines(text, [
    [/^ *\+ /, paint.added],
    [/^ *- /, paint.removed],
    [/^ *~ /, paint.changed],
  ]);
}

/** The report of `kustomize-ts golden`: status words, and each drifted overlay's unified diff. */
export function colourGoldenReport(text: string, enabled: boolean): string {
  if (!enabled) return text;
  const paint = palette(true);
  return paintLines(text, [
    [/^(\+\+\+|---) /, paint.header],
    [/^@@ /, paint.hunk],
    [/^\+/, paint.added],
    [/^-/, paint.removed],
    [/^ok {7}/, paint.added],
    [/^(changed|missing|updated) /, paint.changed],
    [/^error {4}/, paint.removed],
  ]);
}

/** A line of `kustomize-ts lint`: the place in cyan, the warning in yellow. */
export function colourLintLine(place: string, message: string, enabled: boolean): string {
  if (!enabled) return `${place}: ${message}`;
  const paint = palette(true);
  return `${paint.place(place)}: ${paint.changed(message)}`;
}

/** Whether output is coloured: on a terminal, unless NO_COLOR is set to something (no-color.org). */
export function wantsColour(isTTY: boolean, env: Readonly<Record<string, string | undefined>>): boolean {
  return isTTY && (env['NO_COLOR'] ?? '') === '';
}
