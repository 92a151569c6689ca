import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NodeWritableFileSystem } from './node.js';

describe('NodeWritableFileSystem', () => {
  it('writes through a temporary file and a rename: directories created, no temporary file left', () => {
    const root = mkdtempSync(join(tmpdir(), 'kustomize-ts-fs-'));
    const fs = new NodeWritableFileSystem();
    fs.writeFile(join(root, 'a/b/file.yaml'), 'one\n');
    fs.writeFile(join(root, 'a/b/file.yaml'), new TextEncoder().encode('two\n'));
    expect(readFileSync(join(root, 'a/b/file.yaml'), 'utf8')).toBe('two\n');
    expect(readdirSync(join(root, 'a/b'))).toEqual(['file.yaml']);
  });

  it('keeps the permission bits of the file it replaces', () => {
    const root = mkdtempSync(join(tmpdir(), 'kustomize-ts-fs-'));
    const file = join(root, 'kustomization.yaml');
    writeFileSync(file, 'old\n');
    chmodSync(file, 0o640);
    new NodeWritableFileSystem().writeFile(file, 'new\n');
    expect(statSync(file).mode & 0o777).toBe(0o640);
  });

  it('fails with a KustomizeError and leaves the old content and no temporary file', () => {
    const root = mkdtempSync(join(tmpdir(), 'kustomize-ts-fs-'));
    mkdirSync(join(root, 'dir'));
    writeFileSync(join(root, 'dir/keep'), 'x');
    expect(() => new NodeWritableFileSystem().writeFile(join(root, 'dir'), 'text')).toThrow(expect.objectContaining({ code: 'write-failed' }));
    expect(readdirSync(root)).toEqual(['dir']);
    expect(readFileSync(join(root, 'dir/keep'), 'utf8')).toBe('x');
  });
});
