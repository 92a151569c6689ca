import { describe, expect, it } from 'vitest';
import { Flags, parseFlags, type FlagSpec } from './flags.js';

const specs: FlagSpec[] = [
  { name: 'namespace', shorthand: 'n', kind: 'string' },
  { name: 'silent', shorthand: 's', kind: 'bool' },
  { name: 'items', kind: 'stringSlice' },
  { name: 'interval', kind: 'duration' },
];

// Forms and messages follow spf13/pflag, which the flux CLI parses with.
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

  it('keeps positionals and stops at --', () => {
    expect(parseFlags(['name', '-s', '--', '--items=x'], specs).positional).toEqual(['name', '--items=x']);
  });

  it.each([
    [['--interval=soon'], 'invalid argument "soon" for "--interval" flag: time: invalid duration "soon"'],
    [['-n'], "flag needs an argument: 'n' in -n"],
    [['-sx'], "unknown shorthand flag: 'x' in -x"],
    [['--silent=maybe'], 'invalid argument "maybe" for "-s, --silent" flag: strconv.ParseBool: parsing "maybe": invalid syntax'],
    [['--items="a'], 'invalid argument "\\"a" for "--items" flag: parse error on line 1, column 3: extraneous or missing " in quoted-field'],
  ])('%j fails: %s', (argv, message) => {
    expect(() => parseFlags(argv, specs)).toThrow(message);
  });
});
