import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MemoryFileSystem } from '../fs/filesystem.js';
import { expandPathArguments, parseImageArgument, parseKeyValuePairs, parseReplicasArgument } from './arguments.js';
import { glob, goMatch } from './glob.js';

// Expectations follow Go's path/filepath Match and Glob, kyaml's fsOnDisk.Glob (hidden files dropped)
// and kustomize's commands/internal/util and edit/set sources.

describe('goMatch', () => {
  it.each([
    ['*.yaml', 'a.yaml', true],
    ['*.yaml', 'sub/a.yaml', false],
    ['*', '.hidden', true],
    ['?.yaml', 'ab.yaml', false],
    ['[ab].yaml', 'b.yaml', true],
    ['[^ab].yaml', 'c.yaml', true],
    ['[a-c]x', 'bx', true],
    ['[a-c]x', 'dx', false],
    ['\\*', '*', true],
    ['a{b,c}', 'a{b,c}', true],
    ['sub/*', 'sub/x', true],
    // Where a shell's glob (and minimatch) reads otherwise: `!` is no negation, `[:alpha:]` no POSIX class.
    ['[!a]', '!', true],
    ['[!a]', 'b', false],
    ['[[:alpha:]]', 'x', false],
    ['[[:alpha:]]', ':]', true],
  ])('%s against %s: %s', (pattern, name, matches) => {
    expect(goMatch(pattern, name)).toBe(matches);
  });

  it.each(['[', '[]', '[a-]', '[]a]', 'a\\', '[z-a]'])('refuses the malformed pattern %s', (pattern) => {
    expect(() => goMatch(pattern, 'x')).toThrow('syntax error in pattern');
  });

  it('law: a pattern without magic characters matches exactly itself', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z0-9./_-]{0,12}$/), fc.stringMatching(/^[a-z0-9./_-]{0,12}$/), (pattern, name) => {
        expect(goMatch(pattern, name)).toBe(pattern === name);
      }),
    );
  });
});

describe('glob', () => {
  const fs = new MemoryFileSystem({ '/app/b.yaml': '', '/app/a.yaml': '', '/app/.hidden.yaml': '', '/app/sub/c.yaml': '', '/app/sub/d.txt': '', '/base/x.yaml': '' });

  it('returns matches in lexical order, hidden files dropped unless the pattern asks for them', () => {
    expect(glob(fs, '/app', '*.yaml')).toEqual(['a.yaml', 'b.yaml']);
    expect(glob(fs, '/app', '.*.yaml')).toEqual(['.hidden.yaml']);
    expect(glob(fs, '/app', '*/*.yaml')).toEqual(['sub/c.yaml']);
    expect(glob(fs, '/app', '../base/*')).toEqual(['../base/x.yaml']);
  });

  it('returns a path without magic characters as written when it exists', () => {
    expect(glob(fs, '/app', './a.yaml')).toEqual(['./a.yaml']);
    expect(glob(fs, '/app', 'sub')).toEqual(['sub']);
    expect(glob(fs, '/app', 'none.yaml')).toEqual([]);
  });
});

describe('expandPathArguments', () => {
  const fs = new MemoryFileSystem({ '/repo/app/a.yaml': '' });

  it('names the first missing directory, as lstat does', () => {
    expect(() => expandPathArguments(fs, '/repo/app', ['gone/x.yaml'])).toThrow(
      "gone/x.yaml has no match: must build at directory: not a valid directory: evalsymlink failure on '/repo/app/gone/x.yaml' : lstat /repo/app/gone: no such file or directory",
    );
  });

  it('refuses absolute and empty roots with the loader\'s words', () => {
    expect(() => expandPathArguments(fs, '/repo/app', ['/abs'])).toThrow("/abs has no match: new root '/abs' cannot be absolute");
    expect(() => expandPathArguments(fs, '/repo/app', [''])).toThrow(' has no match: new root cannot be empty');
  });

  it('reports a malformed pattern as a file system check error', () => {
    expect(() => expandPathArguments(fs, '/repo/app', ['['])).toThrow('error checking the filesystem: syntax error in pattern');
  });
});

describe('parseKeyValuePairs', () => {
  it('splits at the first colon, trims one pair of double quotes, allows a bare key', () => {
    expect(parseKeyValuePairs(['app:web', 'url:"http://x:80"', 'flag', 'empty:'], 'label')).toEqual({ app: 'web', url: 'http://x:80', flag: '', empty: '' });
  });

  it('refuses a missing key', () => {
    expect(() => parseKeyValuePairs([':v'], 'label')).toThrow("invalid label: ':v' (need k:v pair where v may be quoted)");
  });

  it('keeps __proto__ as data', () => {
    expect(Object.keys(parseKeyValuePairs(['__proto__:x'], 'label'))).toEqual(['__proto__']);
  });
});

describe('parseImageArgument', () => {
  it.each([
    ['nginx=registry/nginx:1.27', { name: 'nginx', newName: 'registry/nginx', newTag: '1.27' }],
    ['nginx=registry/nginx@sha256:abc', { name: 'nginx', newName: 'registry/nginx', digest: 'sha256:abc' }],
    ['nginx:1.27@sha256:abc', { name: 'nginx', newTag: '1.27', digest: 'sha256:abc' }],
    ['localhost:5000/app:2', { name: 'localhost:5000/app', newTag: '2' }],
    ['app=*:3', { name: 'app', newName: '*', newTag: '3' }],
    ['mysql=mariadb', { name: 'mysql', newName: 'mariadb' }],
  ])('%s', (arg, expected) => {
    expect(parseImageArgument(arg)).toEqual(expected);
  });

  it('refuses an image with nothing to set', () => {
    expect(() => parseImageArgument('nginx')).toThrow('invalid format of image');
  });
});

describe('parseReplicasArgument', () => {
  it('reads name=count', () => {
    expect(parseReplicasArgument('web=3')).toEqual({ name: 'web', count: 3 });
    expect(parseReplicasArgument('web=+2')).toEqual({ name: 'web', count: 2 });
  });

  it.each(['web', 'web=x', 'a=b=3', 'web=1.5'])('refuses %s', (arg) => {
    expect(() => parseReplicasArgument(arg)).toThrow('invalid format of replica, use the following format: <name>=<count>');
  });
});
