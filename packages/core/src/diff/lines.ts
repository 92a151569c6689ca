/**
 * Line diffs: the shortest edit script between two lists of lines (Myers' O(ND) algorithm), unified diffs
 * as `diff -u` prints them, and a three-way merge of two edits of one text.
 *
 * Not jsdiff (`diff`): its hunks are others. It does not set the common head and tail aside first, so a
 * changed first line of `a a a` → `d a a` comes out as `+d` at the top and `-a` at the bottom where `diff -u`
 * and we print `-a +d`; its unified diffs write a count of 1 (`-1,1`) that `diff -u` leaves out (`-1`); and
 * it has no three-way merge, by which an edit of a kustomization keeps the rest of the file as it was written.
 */

/** One difference between two lists of lines: `a[aStart, aEnd)` is replaced by `b[bStart, bEnd)`. */
export interface LineHunk {
  readonly aStart: number;
  readonly aEnd: number;
  readonly bStart: number;
  readonly bEnd: number;
}

/**
 * Past this many differences the search stops and the rest counts as one replaced block: the search
 * keeps O(D²) numbers, and a diff that large is read as "everything changed" anyway.
 */
const maxEditDistance = 2000;

/** The hunks that turn `a` into `b`, in order, separated by at least one unchanged line. */
export function diffLines(a: readonly string[], b: readonly string[]): LineHunk[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let aEnd = a.length;
  let bEnd = b.length;
  while (aEnd > start && bEnd > start && a[aEnd - 1] === b[bEnd - 1]) {
    aEnd--;
    bEnd--;
  }
  if (start === aEnd && start === bEnd) return [];
  const steps = shortestEdit(a, b, start, aEnd, start, bEnd);
  if (steps === undefined) return [{ aStart: start, aEnd, bStart: start, bEnd }];
  return groupSteps(steps, start, start);
}

/** One step of an edit script: keep a line of both, delete one of `a`, insert one of `b`. */
const enum Step {
  Keep,
  Delete,
  Insert,
}

/** Myers' greedy search, keeping each round's furthest points so the path can be walked back. */
function shortestEdit(a: readonly string[], b: readonly string[], aOff: number, aEnd: number, bOff: number, bEnd: number): Step[] | undefined {
  const n = aEnd - aOff;
  const m = bEnd - bOff;
  const trace: Int32Array[] = [];
  for (let d = 0; d <= Math.min(n + m, maxEditDistance); d++) {
    const previous = trace[d - 1];
    const current = new Int32Array(2 * d + 1);
    for (let k = -d; k <= d; k += 2) {
      let x: number;
      if (previous === undefined) x = 0;
      else if (k === -d || (k !== d && previous[k - 1 + d - 1]! < previous[k + 1 + d - 1]!)) x = previous[k + 1 + d - 1]!;
      else x = previous[k - 1 + d - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[aOff + x] === b[bOff + y]) {
        x++;
        y++;
      }
      current[k + d] = x;
      if (x >= n && y >= m) {
        trace.push(current);
        return walkBack(trace, n, m);
      }
    }
    trace.push(current);
  }
  return undefined;
}

function walkBack(trace: readonly Int32Array[], n: number, m: number): Step[] {
  const reversed: Step[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d > 0; d--) {
    const previous = trace[d - 1]!;
    const k = x - y;
    const down = k === -d || (k !== d && previous[k - 1 + d - 1]! < previous[k + 1 + d - 1]!);
    const previousK = down ? k + 1 : k - 1;
    const previousX = previous[previousK + d - 1]!;
    const previousY = previousX - previousK;
    const edgeX = down ? previousX : previousX + 1;
    while (x > edgeX) {
      reversed.push(Step.Keep);
      x--;
      y--;
    }
    reversed.push(down ? Step.Insert : Step.Delete);
    x = previousX;
    y = previousY;
  }
  for (; x > 0; x--) reversed.push(Step.Keep);
  return reversed.reverse();
}

function groupSteps(steps: readonly Step[], aStart: number, bStart: number): LineHunk[] {
  const hunks: LineHunk[] = [];
  let i = aStart;
  let j = bStart;
  let open: { aStart: number; bStart: number } | undefined;
  for (const step of steps) {
    if (step === Step.Keep) {
      if (open) hunks.push({ aStart: open.aStart, aEnd: i, bStart: open.bStart, bEnd: j });
      open = undefined;
      i++;
      j++;
      continue;
    }
    open ??= { aStart: i, bStart: j };
    if (step === Step.Delete) i++;
    else j++;
  }
  if (open) hunks.push({ aStart: open.aStart, aEnd: i, bStart: open.bStart, bEnd: j });
  return hunks;
}

/** Labels and context of a unified diff. */
export interface UnifiedDiffOptions {
  /** The name on the `---` line (the old text). */
  readonly fromFile: string;
  /** The name on the `+++` line (the new text). */
  readonly toFile: string;
  /** Unchanged lines shown around each change; 3 by default, as `diff -u`. */
  readonly context?: number;
}

/**
 * The unified diff (`diff -u` format) that turns `before` into `after`, or `''` when they are equal.
 * A last line without a newline is marked `\ No newline at end of file`.
 */
export function unifiedDiff(before: string, after: string, options: UnifiedDiffOptions): string {
  const a = splitLines(before);
  const b = splitLines(after);
  const hunks = diffLines(a, b);
  if (hunks.length === 0) return '';
  const context = options.context ?? 3;
  let out = `--- ${options.fromFile}\n+++ ${options.toFile}\n`;
  for (const group of groupWithContext(hunks, context)) {
    const first = group[0]!;
    const last = group[group.length - 1]!;
    const aFrom = Math.max(0, first.aStart - context);
    const aTo = Math.min(a.length, last.aEnd + context);
    const bFrom = first.bStart - (first.aStart - aFrom);
    const bTo = last.bEnd + (aTo - last.aEnd);
    out += `@@ -${range(aFrom, aTo - aFrom)} +${range(bFrom, bTo - bFrom)} @@\n`;
    let i = aFrom;
    for (const hunk of group) {
      for (; i < hunk.aStart; i++) out += diffLine(' ', a[i]!);
      for (let k = hunk.aStart; k < hunk.aEnd; k++) out += diffLine('-', a[k]!);
      for (let k = hunk.bStart; k < hunk.bEnd; k++) out += diffLine('+', b[k]!);
      i = hunk.aEnd;
    }
    for (; i < aTo; i++) out += diffLine(' ', a[i]!);
  }
  return out;
}

/** Lines of `text`, each with its newline when it has one, so a missing final newline is a difference. */
export function splitLines(text: string): string[] {
  const lines = text.split(/(?<=\n)/);
  return lines.length === 1 && lines[0] === '' ? [] : lines;
}

function diffLine(marker: string, line: string): string {
  return line.endsWith('\n') ? `${marker}${line}` : `${marker}${line}\n\\ No newline at end of file\n`;
}

/** `diff -u` line ranges: one-based start, the count omitted when it is 1, the line before when empty. */
function range(start: number, count: number): string {
  if (count === 1) return `${start + 1}`;
  return `${count === 0 ? start : start + 1},${count}`;
}

function groupWithContext(hunks: readonly LineHunk[], context: number): LineHunk[][] {
  const groups: LineHunk[][] = [];
  for (const hunk of hunks) {
    const group = groups[groups.length - 1];
    const previous = group?.[group.length - 1];
    if (group && previous && hunk.aStart - previous.aEnd <= 2 * context) group.push(hunk);
    else groups.push([hunk]);
  }
  return groups;
}

/** The outcome of a three-way merge. */
export interface LineMerge {
  readonly lines: string[];
  /** How many regions both sides changed; `theirs` was taken for each. */
  readonly conflicts: number;
}

/**
 * Merges two edits of `base`: regions only `ours` changed come from `ours`, regions only `theirs` changed
 * come from `theirs`, and regions both changed (overlapping, or insertions at the same place) come from
 * `theirs`. Changes that merely touch (one ends where the other starts) do not conflict.
 */
export function mergeLines(base: readonly string[], ours: readonly string[], theirs: readonly string[]): LineMerge {
  const tagged = [
    ...diffLines(base, ours).map((hunk) => ({ hunk, side: 'ours' as const })),
    ...diffLines(base, theirs).map((hunk) => ({ hunk, side: 'theirs' as const })),
  ].sort((x, y) => x.hunk.aStart - y.hunk.aStart || x.hunk.aEnd - y.hunk.aEnd);
  const lines: string[] = [];
  let conflicts = 0;
  let position = 0;
  let next = 0;
  while (next < tagged.length) {
    const group = [tagged[next++]!];
    let start = group[0]!.hunk.aStart;
    let end = group[0]!.hunk.aEnd;
    while (next < tagged.length && overlaps(tagged[next]!.hunk, start, end)) {
      const member = tagged[next++]!;
      group.push(member);
      start = Math.min(start, member.hunk.aStart);
      end = Math.max(end, member.hunk.aEnd);
    }
    lines.push(...base.slice(position, start));
    const sides = new Set(group.map((member) => member.side));
    const side = sides.has('theirs') ? 'theirs' : 'ours';
    if (sides.size > 1) conflicts++;
    const hunks = group.filter((member) => member.side === side).map((member) => member.hunk);
    lines.push(...sideVersion(base, side === 'theirs' ? theirs : ours, hunks, start, end));
    position = end;
  }
  lines.push(...base.slice(position));
  return { lines, conflicts };
}

function overlaps(hunk: LineHunk, start: number, end: number): boolean {
  if (hunk.aStart === hunk.aEnd && start === end) return hunk.aStart === start;
  return hunk.aStart < end && (hunk.aEnd > start || (hunk.aStart === hunk.aEnd && hunk.aStart > start));
}

/** `base[start, end)` as one side has it, given that side's hunks within the range. */
function sideVersion(base: readonly string[], side: readonly string[], hunks: readonly LineHunk[], start: number, end: number): string[] {
  const out: string[] = [];
  let position = start;
  for (const hunk of hunks) {
    out.push(...base.slice(position, hunk.aStart), ...side.slice(hunk.bStart, hunk.bEnd));
    position = hunk.aEnd;
  }
  out.push(...base.slice(position, end));
  return out;
}
