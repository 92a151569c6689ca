import type { BuildWarning } from '@kustomize-ts/core';

/**
 * kubectl's warnings as kubectl prints them on stderr: the deprecation lines as they are, and the lines
 * kustomize gives Go's log (unused vars) behind klog's info header, `I1207 23:11:32.468961   13471 log.go:245] `.
 */
export function kubectlWarningLines(warnings: readonly BuildWarning[], now: Date = new Date(), pid: number = process.pid): string {
  return warnings
    .filter((warning) => warning.source === 'kubectl')
    .map((warning) => `${warning.code === 'unused-vars' ? klogInfoHeader(now, pid) : ''}${warning.message}\n`)
    .join('');
}

function klogInfoHeader(now: Date, pid: number): string {
  const two = (n: number): string => String(n).padStart(2, '0');
  const micros = String(now.getMilliseconds() * 1000).padStart(6, '0');
  const time = `${two(now.getHours())}:${two(now.getMinutes())}:${two(now.getSeconds())}.${micros}`;
  return `I${two(now.getMonth() + 1)}${two(now.getDate())} ${time} ${String(pid).padStart(7)} log.go:245] `;
}

/** The warnings a build error carries (kubectl prints them before it fails), or none. */
export function warningsOf(error: unknown): readonly BuildWarning[] {
  if (error === null || typeof error !== 'object' || !('warnings' in error) || !Array.isArray(error.warnings)) return [];
  return error.warnings as BuildWarning[];
}
