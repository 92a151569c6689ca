import { describe, expect, it } from 'vitest';
import { FlagError, Flags, formatFlagUsages, parseFlags, type FlagSpec } from './index.js';

const specs: FlagSpec[] = [
  { name: 'namespace', shorthand: 'n', kind: 'string' },
  { name: 'silent', shorthand: 's', kind: 'bool' },
  { name: 'items', kind: 'stringSlice' },
  { name: 'interval', kind: 'value', type: 'duration', parse: (text) => {
    if (!/^[0-9]+s$/.test(text)) throw new Error(`time: invalid duration ${JSON.stringify(text)}`);
    return Number(text.slice(0, -1));
  } },
  { name: 'array', kind: 'stringArray' },
];

// Forms and messages follow spf13/pflag, which kubectl, kustomize and the flux CLI parse with.
describe('parseFlags', () => {
  it('reads long, short, joined and attached forms', () => {
    for (const argv of [['--namespace', 'x'], ['--namespace=x'], ['-n', 'x'], ['-nx'], ['-n=x']]) {
      expect(new Flags(parseFlags(argv, specs)).string('namespace')).toBe('x');
    }
  });

  it('combines boolean shorthands with a valued one', () => {
    const flags = new Flags(parseFlags(['-snprod'], specs));
    expect([flags.bool('silent'), flags.string('namespace')]).toEqual([true, 'prod']);
  });

  it('appends repeated list flags read as CSV records', () => {
    expect(new Flags(parseFlags(['--items=a,"b,c"', '--items', 'd'], specs)).strings('items')).toEqual(['a', 'b,c', 'd']);
    expect(new Flags(parseFlags(['--items='], specs)).strings('items')).toEqual([]);
  });

  it('keeps each use of an array flag whole, commas included', () => {
    expect(new Flags(parseFlags(['--array=a,b', '--array', 'c'], specs)).strings('array')).toEqual(['a,b', 'c']);
  });

  it('keeps a value flag\'s parsed value', () => {
    expect(new Flags(parseFlags(['--interval=5s'], specs)).value('interval', 0)).toBe(5);
    expect(new Flags(parseFlags([], specs)).value('interval', 7)).toBe(7);
  });

  it('stops at an undefined -h or --help and asks for help', () => {
    expect(parseFlags(['a', '--help', '--nope'], specs)).toMatchObject({ help: true, positional: ['a'] });
    expect(parseFlags(['-sh'], specs).help).toBe(true);
    expect(parseFlags(['-s'], specs).help).toBe(false);
  });

  it('reports deprecated flags once per use', () => {
    expect(parseFlags(['--old', '--old'], [{ name: 'old', kind: 'bool', deprecated: 'use --new' }]).notices).toEqual(['Flag --old has been deprecated, use --new', 'Flag --old has been deprecated, use --new']);
  });

  it('keeps positionals and stops at --', () => {
    expect(parseFlags(['name', '-s', '--', '--items=x'], specs).positional).toEqual(['name', '--items=x']);
  });

  it.each([
    [['--interval=soon'], 'invalid argument "soon" for "--interval" flag: time: invalid duration "soon"'],
    [['-n'], "flag needs an argument: 'n' in -n"],
    [['-sx'], "unknown shorthand flag: 'x' in -x"],
    [['--silent=maybe'], 'invalid argument "maybe" for "-s, --silent" flag: strconv.ParseBool: parsing "maybe": invalid syntax'],
    [['--nope'], 'unknown flag: --nope'],
    [['--namespace'], 'flag needs an argument: --namespace'],
    [['---x'], 'bad flag syntax: ---x'],
    [['-=x'], 'bad flag syntax: -=x'],
    [['--items="a'], 'invalid argument "\\"a" for "--items" flag: parse error on line 1, column 3: extraneous or missing " in quoted-field'],
  ])('%j fails: %s', (argv, message) => {
    expect(() => parseFlags(argv, specs)).toThrow(new FlagError(message));
  });
});

describe('formatFlagUsages', () => {
  it('lays the flags out as pflag does: sorted, one column, defaults that are not zero values', () => {
    const usage = formatFlagUsages([
      { name: 'output', shorthand: 'o', kind: 'string', usage: 'If specified, write output to this path.' },
      { name: 'helm-command', kind: 'string', defaultValue: 'helm', usage: 'helm command (path to executable)' },
      { name: 'env', shorthand: 'e', kind: 'stringArray', usage: 'a list of environment variables' },
      { name: 'debug', kind: 'bool', usage: 'Enable debug output' },
      { name: 'file', kind: 'string', usage: 'read the `path` given' },
      { name: 'gone', kind: 'bool', deprecated: 'do not' },
    ]);
    expect(usage).toBe(
      [
        '      --debug                 Enable debug output',
        '  -e, --env stringArray       a list of environment variables',
        '      --file path             read the path given',
        '      --helm-command string   helm command (path to executable) (default "helm")',
        '  -o, --output string         If specified, write output to this path.',
        '',
      ].join('\n'),
    );
  });
});
