import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evalEnvsubst, lookupIn, VariableNotSetError } from './eval.js';
import { lookupFunction } from './funcs.js';
import { EnvsubstSyntaxError, parseEnvsubst } from './parse.js';
import { toBytes } from './bytes.js';

const run = (template: string, variables: Record<string, string> = {}, strict = false) => evalEnvsubst(template, lookupIn(variables, strict));

// Expectations follow fluxcd/pkg envsubst (eval.go, funcs.go, parse/): its operators, escapes and quirks.
describe('evalEnvsubst', () => {
  const env = { minusOne: '-1', minusThree: '-3', name: 'Podinfo-App', path: 'a/b/c.tar.gz', empty: '', zone: 'eu-west-1', greeting: 'héllo' };

  it.each([
    ['plain text', 'plain text'],
    ['${name}', 'Podinfo-App'],
    ['x-${zone}-y', 'x-eu-west-1-y'],
    ['${#name}', '11'],
    ['${#greeting}', '6'],
    ['${name,}', 'podinfo-App'],
    ['${name,,}', 'podinfo-app'],
    ['${zone^}', 'Eu-west-1'],
    ['${zone^^}', 'EU-WEST-1'],
    ['${greeting^^}', 'HÉLLO'],
    ['${zone:3}', 'west-1'],
    ['${zone:3:4}', 'west'],
    ['${zone:-1}', 'eu-west-1'],
    ['${zone:${minusOne}}', '1'],
    ['${zone:${minusThree}:2}', 't-'],
    ['${zone:x}', 'eu-west-1'],
    ['${zone:20}', ''],
    ['${path#*/}', 'b/c.tar.gz'],
    ['${path##*/}', 'c.tar.gz'],
    ['${path%.*}', 'a/b/c.tar'],
    ['${path%%.*}', 'a/b/c'],
    ['${path#[ab]/}', 'b/c.tar.gz'],
    ['${path#[}', 'a/b/c.tar.gz'],
    ['${zone/-/_}', 'eu_west-1'],
    ['${zone//-/_}', 'eu_west_1'],
    ['${zone/#eu/us}', 'us-west-1'],
    ['${zone/%1/2}', 'eu-west-2'],
    ['${zone/#west/x}', 'eu-west-1'],
    ['${path//\\//:}', 'a:b:c.tar.gz'],
    ['${missing:=fallback}', 'fallback'],
    ['${missing:-fallback}', 'fallback'],
    ['${missing=fallback}', 'fallback'],
    ['${empty:=fallback}', 'fallback'],
    ['${zone:=fallback}', 'eu-west-1'],
    ['${missing:=${zone}-x}', 'eu-west-1-x'],
    ['${missing:=a ${zone^^} b}', 'a EU-WEST-1 b'],
    ['${zone:+set}', 'eu-west-1'],
    ['${missing}', ''],
    ['$$', '$'],
    ['$${', '${'],
    ['$${zone}', '${zone}'],
    ['$$zone', '$zone'],
    ['$zone', '$zone'],
    ['a\\\\b ${zone}', 'a\\\\b eu-west-1'],
    ['}${zone}{', '}eu-west-1{'],
  ])('%s', (template, expected) => {
    expect(run(template, env)).toBe(expected);
  });

  it('strict mode fails on an unset variable read without a default', () => {
    expect(() => run('${missing}', {}, true)).toThrow(new VariableNotSetError('missing'));
    expect(() => run('${missing^^}', {}, true)).toThrow('variable not set (strict mode): "missing"');
    expect(() => run('${#missing}', {}, true)).toThrow(VariableNotSetError);
    expect(run('${missing:=d}', {}, true)).toBe('d');
    expect(run('${set}', { set: '' }, true)).toBe('');
  });

  it.each([
    ['${', 'unable to parse variable name'],
    ['${}', 'unable to parse variable name'],
    ['${a', 'missing closing brace'],
    ['${a-b}', 'missing closing brace'],
    ['${a:1', 'bad substitution'],
    ['${a/x}', 'bad substitution'],
    ['${a//-}', 'bad substitution'],
    ['${a^x}', 'bad substitution'],
  ])('%s is a syntax error: %s', (template, message) => {
    expect(() => run(template, { a: 'v' })).toThrow(new EnvsubstSyntaxError(message));
  });

  it('text without `$` comes back unchanged', () => {
    fc.assert(fc.property(fc.string().filter((s) => !s.includes('$') && !s.includes('\u0000')), (text) => {
      expect(run(text)).toBe(text);
    }));
  });

  it('`$${…}` always yields the literal `${…}`', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,8}$/), (name) => {
        expect(run(`$\${${name}}`, { [name]: 'value' })).toBe(`\${${name}}`);
      }),
    );
  });

  it('a set variable is replaced by its value wherever it stands', () => {
    fc.assert(
      fc.property(fc.string().filter((s) => !s.includes('$') && !s.includes('\u0000')), fc.string(), (text, value) => {
        expect(run(`${text}\${v}${text}`, { v: value })).toBe(`${text}${value}${text}`);
      }),
    );
  });
});

describe('parseEnvsubst', () => {
  it('nests lists to the right', () => {
    expect(parseEnvsubst('a ${b} c')).toEqual({
      type: 'list',
      nodes: [
        { type: 'text', value: 'a ' },
        { type: 'list', nodes: [{ type: 'func', param: 'b', name: '', args: [] }, { type: 'text', value: ' c' }] },
      ],
    });
  });

  it('parses nested functions as arguments', () => {
    expect(parseEnvsubst('${a:${b}:2}')).toEqual({
      type: 'func',
      param: 'a',
      name: ':',
      args: [
        { type: 'func', param: 'b', name: '', args: [] },
        { type: 'text', value: '2' },
      ],
    });
  });

  it('unescapes `\\/` and `\\\\` only inside replace arguments', () => {
    expect(parseEnvsubst('${a/\\/x\\\\/y}')).toEqual({ type: 'func', param: 'a', name: '/', args: [{ type: 'text', value: '/x\\' }, { type: 'text', value: 'y' }] });
    expect(parseEnvsubst('${a:=\\/}')).toEqual({ type: 'func', param: 'a', name: ':=', args: [{ type: 'text', value: '\\/' }] });
  });

  it('parses an empty template as empty text', () => {
    expect(parseEnvsubst('')).toEqual({ type: 'text', value: '' });
  });
});

describe('lookupFunction', () => {
  const call = (name: string, value: string, ...args: string[]) => lookupFunction(name, args.length)(toBytes(value), ...args.map(toBytes));

  it('substring clamps like bash', () => {
    expect(call(':', 'abcdef', '-100', '2')).toBe('ab');
    expect(call(':', 'abcdef', '2', '100')).toBe('cdef');
    expect(call(':', 'abc', '5', '1')).toBe('');
  });

  it('defaults join every argument', () => {
    expect(call(':=', '', 'a', '-b')).toBe('a-b');
    expect(call(':=', 'set', 'a')).toBe('set');
  });

  it('replacing an empty pattern inserts at every rune boundary, as Go does', () => {
    expect(call('//', 'ab', '', '-')).toBe('-a-b-');
    expect(call('/', 'ab', '', '-')).toBe('-ab');
  });
});
