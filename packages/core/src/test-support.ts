/**
 * Helpers shared by the tests of this package (excluded from the build: see tsconfig.json).
 */
import { expect } from 'vitest';
import { KustomizeError } from './errors.js';
import { MemoryFileSystem } from './fs/filesystem.js';
import { build } from './pipeline/index.js';

/** The KustomizeError `run` throws; fails the test when it throws something else or nothing. */
export function errorOf(run: () => unknown): KustomizeError {
  try {
    run();
  } catch (error) {
    if (error instanceof KustomizeError) return error;
    throw error;
  }
  throw new Error('expected a KustomizeError');
}

/** A tree to build: its files, the directory to build, and what `kubectl kustomize` (v5.5.0) did with it. */
export interface Tree {
  readonly root: string;
  readonly files: Readonly<Record<string, string>>;
  /** The output of `kubectl kustomize` on the same tree. */
  readonly expected?: string;
  /** Part of kubectl's error message, and the file ours names. */
  readonly error?: { readonly message: string; readonly file?: string };
}

function buildTree(tree: Tree): string {
  return build({ fs: new MemoryFileSystem(tree.files), path: tree.root }).yaml;
}

/** Builds the tree and expects kubectl's output. */
export function expectBuilt(tree: Tree): void {
  expect(buildTree(tree)).toBe(tree.expected);
}

/** Builds the tree and expects it to fail as kubectl failed, naming the same file; returns the error. */
export function expectFailure(tree: Tree): KustomizeError {
  const error = errorOf(() => buildTree(tree));
  expect(error.message).toContain(tree.error!.message);
  if (tree.error!.file !== undefined) expect(error.location.file).toBe(tree.error!.file);
  return error;
}

/** The Deployment that several plugin trees start from (an nginx container reading ConfigMap `cm`). */
export const webDeployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 1
  template:
    spec:
      containers:
      - name: app
        image: nginx:1.7
        envFrom:
        - configMapRef:
            name: cm
`;
