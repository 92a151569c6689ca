import { describe, expect, it } from 'vitest';
import { cloneAddress, parseRepoSpec, type RepoSpec } from './repospec.js';

// Expected values from kustomize v5.8.1's api/internal/git/repospec_test.go.
describe('parseRepoSpec', () => {
  it.each([
    ['https://git-codecommit.us-east-2.amazonaws.com/someorg/somerepo/somedir?ref=testbranch', 'https://git-codecommit.us-east-2.amazonaws.com/', 'someorg/somerepo', 'somedir', 'testbranch'],
    ['https://fabrikops2.visualstudio.com/someorg/somerepo?ref=master', 'https://fabrikops2.visualstudio.com/', 'someorg/somerepo', '', 'master'],
    ['http://github.com/someorg/somerepo/somedir', 'https://github.com/', 'someorg/somerepo', 'somedir', ''],
    ['git@github.com:someorg/somerepo/somedir', 'git@github.com:', 'someorg/somerepo', 'somedir', ''],
    ['http://github.com/someorg/somerepo.git/somedir', 'https://github.com/', 'someorg/somerepo.git', 'somedir', ''],
    ['git@gitlab2.sqtools.ru:infra/kubernetes/thanos-base.git?ref=v0.1.0', 'git@gitlab2.sqtools.ru:', 'infra/kubernetes/thanos-base.git', '', 'v0.1.0'],
    ['git@bitbucket.org:company/project.git//path?ref=branch', 'git@bitbucket.org:', 'company/project.git', 'path', 'branch'],
    ['git@bitbucket.org/company/project.git//path?ref=branch', 'git@bitbucket.org/', 'company/project.git', 'path', 'branch'],
    ['ssh://git@bitbucket.org/company/project.git//path?ref=branch', 'ssh://git@bitbucket.org/', 'company/project.git', 'path', 'branch'],
    ['https://itfs.mycompany.com/collection/project/_git/somerepos/somedir?version=v1.0.0', 'https://itfs.mycompany.com/', 'collection/project/_git/somerepos', 'somedir', 'v1.0.0'],
    ['git::https://itfs.mycompany.com/collection/project/_git/somerepos', 'https://itfs.mycompany.com/', 'collection/project/_git/somerepos', '', ''],
    ['https://bitbucket.example.com/scm/project/repository.git', 'https://bitbucket.example.com/', 'scm/project/repository.git', '', ''],
    ['ssh://git-codecommit.us-east-2.amazonaws.com/someorg/somerepo/somepath', 'ssh://git-codecommit.us-east-2.amazonaws.com/', 'someorg/somerepo', 'somepath', ''],
    ['git@github.com/someorg/somerepo/somepath', 'git@github.com:', 'someorg/somerepo', 'somepath', ''],
    ['github.com/kubernetes-sigs/kustomize//examples/multibases?ref=v1.0.6', 'https://github.com/', 'kubernetes-sigs/kustomize', 'examples/multibases', 'v1.0.6'],
    ['file:///a/b/c/someRepo//somepath?ref=someBranch', 'file://', '/a/b/c/someRepo', 'somepath', 'someBranch'],
    ['file:///a/b/c/someRepo', 'file://', '/a/b/c/someRepo', '', ''],
    ['file://a/b/c/someRepo.git/somepath?ref=someBranch', 'file://', 'a/b/c/someRepo.git', 'somepath', 'someBranch'],
    ['file:///', 'file://', '/', '', ''],
    ['file://git@home/path/to/repository.git//path?ref=branch', 'file://', 'git@home/path/to/repository.git', 'path', 'branch'],
    ['https://github.com/org/repo?version=master&ref=v1.0.0', 'https://github.com/', 'org/repo', '', 'v1.0.0'],
  ])('%s', (address, host, repoPath, rootPath, ref) => {
    expect(parseRepoSpec(address)).toMatchObject({ host, repoPath, rootPath, ref });
    expect(cloneAddress(parseRepoSpec(address) as RepoSpec)).toBe(host + repoPath);
  });

  it.each([
    ['/tmp', 'uri looks like abs path'],
    ['../../tmp', 'failed to parse scheme'],
    ['src/github.com/org/repo/path', 'failed to parse scheme'],
    ['iauhsdiuashduas', 'failed to parse scheme'],
    ['htxxxtp://github.com/', 'failed to parse scheme'],
    ['ssh://git.example.com', 'failed to parse repo path segment'],
    ['git::___', 'failed to parse scheme'],
    ['https://host?ref=group/version/minor_version', 'failed to parse repo path segment'],
    ['https://github.com/org/repo.git//path/../../exits/repo', 'url path exits repo'],
    ['github.com!org/repo.git//path', 'failed to parse scheme'],
    ['gh:org/repo', 'failed to parse scheme'],
    ['https://github.com/thisisa404.yaml', 'failed to parse repo path segment'],
    ['file:////tmp//path/to/whatever', 'failed to parse repo path segment'],
    ['git@scp://github.com/org/repo.git//path', 'failed to parse repo path segment'],
    ['git@ssh://github.com/org/repo.git//path', 'failed to parse repo path segment'],
  ])('%s is not a git address: %s', (address, reason) => {
    const parsed = parseRepoSpec(address);
    expect('error' in parsed && parsed.error).toContain(reason);
  });

  // TestParseQuery: ref wins over version; timeout in seconds or as a Go duration; malformed values mean defaults.
  it.each([
    ['', '', 27_000, true],
    ['ref=kustomize/v4.5.7', 'kustomize/v4.5.7', 27_000, true],
    ['version=master&ref=v1.0.0', 'v1.0.0', 27_000, true],
    ['version=master&submodules=maybe', 'master', 27_000, true],
    ['version=master&submodules=false', 'master', 27_000, false],
    ['timeout=61', '', 61_000, true],
    ['timeout=1m1s', '', 61_000, true],
    ['timeout=0', '', 27_000, true],
    ['timeout=-1s', '', 27_000, true],
    ['timeout=foo', '', 27_000, true],
    ['ref=%zz', '', 27_000, true],
  ])('?%s', (query, ref, timeoutMs, submodules) => {
    expect(parseRepoSpec(`https://github.com/org/repo?${query}`)).toMatchObject({ ref, timeoutMs, submodules });
  });
});
