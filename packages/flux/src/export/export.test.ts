import type { JsonObject } from '@kustomize-ts/core';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { runCreate } from '../cli/create.js';
import { readGitRepository } from '../model/gitrepository.js';
import { readKustomization } from '../model/kustomization.js';
import { parseHealthCheck, printExport, safeRelativePath } from './create.js';
import { exportGitRepository, exportKustomization } from './export.js';

// Expected outputs follow flux2's create_kustomization.go / create_source_git.go and printExport:
// sorted keys, Go durations, omitempty fields dropped.
describe('flux create kustomization --export', () => {
  it('prints the instavote Kustomization with its health check and timeout', () => {
    const { stdout } = runCreate([
      'kustomization',
      'vote-dev',
      '--source=GitRepository/instavote',
      '--path=./deploy/vote-dev',
      '--prune=true',
      '--interval=1m',
      '--health-check=Deployment/vote.instavote',
      '--health-check-timeout=2m',
      '--target-namespace=instavote',
      '--export',
    ]);
    expect(stdout).toBe(`---
apiVersion: kustomize.toolkit.fluxcd.io/v1
kind: Kustomization
metadata:
  name: vote-dev
  namespace: flux-system
spec:
  healthChecks:
  - kind: Deployment
    name: vote
    namespace: instavote
  interval: 1m0s
  path: ./deploy/vote-dev
  prune: true
  sourceRef:
    kind: GitRepository
    name: instavote
  targetNamespace: instavote
  timeout: 2m0s
`);
  });

  it('defaults path, prune and interval, and has no timeout without checks', () => {
    const { stdout } = runCreate(['ks', 'app', '--source', 'podinfo.sources', '-n', 'apps']);
    expect(stdout).toBe('---\napiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata:\n  name: app\n  namespace: apps\nspec:\n  interval: 1m0s\n  path: ./\n  prune: false\n  sourceRef:\n    kind: GitRepository\n    name: podinfo\n    namespace: sources\n');
  });

  it('accepts repeated and comma-separated health checks; wait replaces them', () => {
    const object = parse(
      runCreate(['ks', 'app', '--source=GitRepository/app', '--health-check=Deployment/a.x,StatefulSet/b.y', '--health-check', 'HelmRelease/c.z', '--health-check-timeout=90s']).stdout,
    ) as JsonObject;
    expect((object.spec as JsonObject).healthChecks).toEqual([
      { kind: 'Deployment', name: 'a', namespace: 'x' },
      { kind: 'StatefulSet', name: 'b', namespace: 'y' },
      { apiVersion: 'helm.toolkit.fluxcd.io/v2', kind: 'HelmRelease', name: 'c', namespace: 'z' },
    ]);
    expect((object.spec as JsonObject).timeout).toBe('1m30s');
    const waiting = parse(runCreate(['ks', 'app', '--source=GitRepository/app', '--health-check=bad', '--wait']).stdout) as JsonObject;
    expect(waiting.spec).toMatchObject({ wait: true, timeout: '2m0s' });
    expect((waiting.spec as JsonObject).healthChecks).toBeUndefined();
  });

  it('prints depends-on, labels and retry interval', () => {
    const object = parse(runCreate(['ks', 'app', '--source=app', '--depends-on=infra,ops/db@ready', '--label=team=web', '--retry-interval=30s']).stdout) as JsonObject;
    expect(object.metadata).toEqual({ name: 'app', namespace: 'flux-system', labels: { team: 'web' } });
    expect(object.spec).toMatchObject({ dependsOn: [{ name: 'infra' }, { name: 'db', namespace: 'ops', readyExpr: 'ready' }], retryInterval: '30s' });
  });

  it.each([
    [['ks'], 'name is required'],
    [['ks', 'a'], "name 'a' is invalid, it should adhere to standard defined in RFC 1123, the name can only contain alphanumeric characters or '-'"],
    [['ks', 'app'], 'source is required'],
    [['ks', 'app', '--source=Helm/x'], "source kind 'Helm' is not supported, must be one of: OCIRepository, GitRepository, Bucket"],
    [['ks', 'app', '--source=GitRepository'], "no kind specified for source 'GitRepository'"],
    [['ks', 'app', '--source=app', '--health-check=Deployment'], "invalid health check 'Deployment' must be in the format 'kind/name.namespace' [Deployment]"],
    [['ks', 'app', '--source=app', '--health-check=Service/a.b'], "invalid health check kind 'Service' can be HelmRelease, Deployment, DaemonSet or StatefulSet"],
    [['ks', 'app', '--source=app', '--health-check=Deployment/a.b.c'], "invalid health check 'Deployment/a.b.c' must be in the format 'kind/name.namespace'"],
    [['ks', 'app', '--source=app', '--interval=1x'], 'invalid argument "1x" for "--interval" flag: time: unknown unit "x" in duration "1x"'],
    [['ks', 'app', '--source=app', '--prune=maybe'], 'invalid argument "maybe" for "--prune" flag: strconv.ParseBool: parsing "maybe": invalid syntax'],
    [['ks', 'app', '--nope'], 'unknown flag: --nope'],
    [['ks', 'app', '-x'], "unknown shorthand flag: 'x' in -x"],
    [['ks', 'app', '--source'], 'flag needs an argument: --source'],
    [['ks', 'app', '--source=app', '--label=a'], "invalid label format 'a', must be key=value"],
  ])('%j fails: %s', (argv, message) => {
    expect(() => runCreate(argv)).toThrow(message);
  });

  it('notes the deprecated --validation flag on stderr', () => {
    expect(runCreate(['ks', 'app', '--source=app', '--validation=client']).stderr).toBe(
      'Flag --validation has been deprecated, this arg is no longer used, all resources are validated using server-side apply dry-run\n',
    );
  });
});

describe('flux create source git --export', () => {
  it('prints a branch source with ignore paths as a block', () => {
    expect(runCreate(['source', 'git', 'instavote', '--url=https://github.com/example/instavote', '--branch=main', '--ignore-paths=docs/,*.md']).stdout).toBe(
      '---\napiVersion: source.toolkit.fluxcd.io/v1\nkind: GitRepository\nmetadata:\n  name: instavote\n  namespace: flux-system\nspec:\n  ignore: |-\n    docs/\n    *.md\n  interval: 1m0s\n  ref:\n    branch: main\n  url: https://github.com/example/instavote\n',
    );
  });

  it('prefers commit, then ref name, semver, tag and branch; prints a fetch timeout', () => {
    const ref = (...flags: string[]) => (parse(runCreate(['source', 'git', 'repo', '--url=ssh://git@host/repo', ...flags]).stdout) as { spec: JsonObject }).spec.ref;
    expect(ref('--branch=b', '--tag=t', '--commit=c')).toEqual({ branch: 'b', commit: 'c' });
    expect(ref('--tag=t', '--tag-semver=1.x', '--ref-name=refs/heads/x')).toEqual({ name: 'refs/heads/x' });
    expect(ref('--tag=t', '--tag-semver=1.x')).toEqual({ semver: '1.x' });
    expect(ref('--branch=b', '--tag=t')).toEqual({ tag: 't' });
    const spec = (parse(runCreate(['source', 'git', 'repo', '--url=https://h/r', '--tag=v1', '--fetch-timeout=90s']).stdout) as { spec: JsonObject }).spec;
    expect(spec.timeout).toBe('1m30s');
  });

  it.each([
    [['source', 'git', 'repo'], 'url is required'],
    [['source', 'git', 'repo', '--url=git://h/r', '--branch=b'], "git URL scheme 'git' not supported, can be: ssh, http and https"],
    [['source', 'git', 'repo', '--url=://h', '--branch=b'], 'git URL parse failed: parse "://h": missing protocol scheme'],
    [['source', 'git', 'repo', '--url=https://h/r'], 'a Git ref is required, use one of the following: --branch, --tag, --commit, --ref-name or --tag-semver'],
    [['source', 'git', 'repo', '--url=ssh://h/r', '--branch=b', '--ca-file=ca.pem'], 'specifying a CA file is not supported for Git over SSH'],
  ])('%j fails: %s', (argv, message) => {
    expect(() => runCreate(argv)).toThrow(message);
  });
});

describe('path and health-check parsing', () => {
  it.each([
    ['./deploy/vote-dev', './deploy/vote-dev'],
    ['deploy/', './deploy'],
    ['', './'],
    ['.', './'],
    ['../../etc', './etc'],
    ['/abs/path', './abs/path'],
    ['./a/../b//c/', './b/c'],
  ])('safeRelativePath(%j) is %j', (input, expected) => {
    expect(safeRelativePath(input)).toBe(expected);
  });

  it('reads Kind/name.namespace', () => {
    expect(parseHealthCheck('DaemonSet/agent.monitoring')).toEqual({ kind: 'DaemonSet', name: 'agent', namespace: 'monitoring' });
  });
});

describe('flux export', () => {
  it('re-prints a Kustomization as the typed Go object', () => {
    const object = parse('apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata:\n  name: apps\n  namespace: flux-system\n  uid: x\nspec:\n  interval: 90s\n  prune: false\n  suspend: false\n  path: ""\n  sourceRef:\n    kind: GitRepository\n    name: repo\nstatus:\n  observedGeneration: 3\n') as JsonObject;
    expect(printExport(exportKustomization(readKustomization(object)))).toBe(
      '---\napiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata:\n  name: apps\n  namespace: flux-system\nspec:\n  interval: 1m30s\n  prune: false\n  sourceRef:\n    kind: GitRepository\n    name: repo\n',
    );
  });

  it('adds the API server default timeout to a GitRepository', () => {
    const object = parse('apiVersion: source.toolkit.fluxcd.io/v1\nkind: GitRepository\nmetadata:\n  name: repo\nspec:\n  interval: 10m\n  url: https://h/r\n  ref:\n    tag: v1\n') as JsonObject;
    expect(exportGitRepository(readGitRepository(object)).spec).toEqual({ interval: '10m0s', ref: { tag: 'v1' }, timeout: '1m0s', url: 'https://h/r' });
  });
});
