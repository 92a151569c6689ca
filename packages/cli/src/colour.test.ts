import { describe, expect, it } from 'vitest';
import { colourGoldenReport, colourLintLine, colourResourceDiff, wantsColour } from './colour.js';

const green = (text: string) => `\u001b[32m${text}\u001b[39m`;
const red = (text: string) => `\u001b[31m${text}\u001b[39m`;
const yellow = (text: string) => `\u001b[33m${text}\u001b[39m`;
const cyan = (text: string) => `\u001b[36m${text}\u001b[39m`;

describe('colour', () => {
  const diff = '~ Deployment a (apps/v1)\n    ~ spec.replicas: 1 → 3\n+ Service b (v1)\n- ConfigMap c (v1)\n1 changed, 1 added, 1 removed, 0 unchanged\n';

  it('paints added, removed and changed resources and fields of a diff', () => {
    expect(colourResourceDiff(diff, true)).toBe(`${yellow('~ Deployment a (apps/v1)')}\n${yellow('    ~ spec.replicas: 1 → 3')}\n${green('+ Service b (v1)')}\n${red('- ConfigMap c (v1)')}\n1 changed, 1 added, 1 removed, 0 unchanged\n`);
  });

  it('paints a golden report\'s statuses and unified diff', () => {
    const report = 'ok       a -> golden/a.yaml\nchanged  b -> golden/b.yaml\n--- golden/b.yaml\n+++ b\n@@ -1 +1 @@\n-x: 1\n+x: 2\n error\n';
    const painted = colourGoldenReport(report, true).split('\n');
    expect(painted.slice(0, 7)).toEqual([green('ok       a -> golden/a.yaml'), yellow('changed  b -> golden/b.yaml'), '\u001b[1m--- golden/b.yaml\u001b[22m', '\u001b[1m+++ b\u001b[22m', cyan('@@ -1 +1 @@'), red('-x: 1'), green('+x: 2')]);
  });

  it('paints a lint line\'s place and warning', () => {
    expect(colourLintLine('app/kustomization.yaml: images[0]', 'changed no image', true)).toBe(`${cyan('app/kustomization.yaml: images[0]')}: ${yellow('changed no image')}`);
  });

  it('leaves the text alone when colour is off', () => {
    expect(colourResourceDiff(diff, false)).toBe(diff);
    expect(colourLintLine('a', 'b', false)).toBe('a: b');
  });

  // The CLI colours only a terminal's output, and never with NO_COLOR set (to anything but the empty string).
  it.each([
    ['a pipe', false, {}, false],
    ['a terminal', true, {}, true],
    ['a terminal with NO_COLOR', true, { NO_COLOR: '1' }, false],
    ['a terminal with an empty NO_COLOR', true, { NO_COLOR: '' }, true],
  ])('is used on %s: %s', (_what, isTTY, env, coloured) => {
    expect(wantsColour(isTTY, env)).toBe(coloured);
  });
});
