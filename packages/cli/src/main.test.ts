import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { version } from './version.js';
import { run } from './test-support.js';

describe('help', () => {
  // Every command and subcommand answers -h and --help on stdout, exit 0, with its usage and flags.
  it.each([
    ['build'],
    ['create'],
    ['diff'],
    ['edit'],
    ['edit', 'add', 'resource'],
    ['edit', 'fix'],
    ['golden'],
    ['golden', 'check'],
    ['flux'],
    ['flux', 'health'],
    ['flux', 'create', 'kustomization'],
    ['flux', 'create', 'source', 'git'],
    ['flux', 'build', 'kustomization'],
    ['version'],
    ['completion'],
  ])('%s', async (...words) => {
    for (const flag of ['--help', '-h']) {
      const result = await run([...words, flag]);
      expect(result).toMatchObject({ status: 0, stderr: '' });
      expect(result.stdout).toMatch(/\nUsage:\n {2}\S.*\n/);
      expect(result.stdout).toMatch(/\nFlags:\n(.*\n)*.*-h, --help +help for /);
    }
  });

  it('lists the commands at the top, and `help COMMAND` is `COMMAND --help`', async () => {
    const top = await run(['--help']);
    expect(top.status).toBe(0);
    for (const command of ['build', 'completion', 'create', 'diff', 'edit', 'flux', 'golden', 'version']) expect(top.stdout).toMatch(new RegExp(`\\n  ${command} +\\S`));
    expect((await run(['help', 'build'])).stdout).toBe((await run(['build', '--help'])).stdout);
  });

  it('shows each flag with its default as pflag does', async () => {
    const { stdout } = await run(['build', '--help']);
    expect(stdout).toMatch(/\n {6}--helm-command string +helm command \(path to executable\) \(default "helm"\)\n/);
    expect(stdout).toMatch(/\n {2}-o, --output string +If specified, write output to this path\.\n/);
    expect(stdout).toMatch(/\n {6}--enable-helm +Enable use of the Helm chart inflator generator\.\n/);
  });
});

describe('version', () => {
  it('prints its own version and the kustomize versions it matches', async () => {
    for (const argv of [['version'], ['--version']]) {
      const result = await run(argv);
      expect(result.status).toBe(0);
      expect(result.stdout).toContain(`kustomize-ts v${version}`);
      for (const kustomize of ['v5.5.0', 'v5.7.1', 'v5.8.1']) expect(result.stdout).toContain(kustomize);
    }
  });

  it('is the CLI package\'s version', () => {
    expect(version).toBe(JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version);
  });
});

describe('completion', () => {
  it.each(['bash', 'zsh', 'fish', 'powershell'])('%s prints a script', async (shell) => {
    const result = await run(['completion', shell]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('kustomize-ts');
    expect(result.stdout).toContain('build');
  });

  // The bash script loads and completes subcommands and flags of the command typed so far.
  it('bash completes commands, subcommands and flags', async () => {
    const script = (await run(['completion', 'bash'])).stdout;
    const complete = (...words: string[]) => {
      const line = `COMP_WORDS=(kustomize-ts ${words.map((word) => `'${word}'`).join(' ')}); COMP_CWORD=${words.length}; _kustomize_ts; echo "\${COMPREPLY[*]}"`;
      return execFileSync('bash', ['-c', `${script}\n${line}`], { encoding: 'utf8' }).trim();
    };
    expect(complete('bu')).toBe('build');
    expect(complete('golden', '')).toBe('check update');
    expect(complete('build', '--helm-c').split(' ')).toEqual(['--helm-command']);
    expect(complete('build', 'x', '--enable-h')).toBe('--enable-helm');
  });

  it('refuses an unknown shell', async () => {
    expect(await run(['completion', 'tcsh'])).toMatchObject({ status: 1, stderr: 'Error: unknown shell "tcsh": use bash, zsh, fish, powershell\n' });
  });
});
