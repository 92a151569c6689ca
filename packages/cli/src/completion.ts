/**
 * Shell completion scripts for bash, zsh, fish and PowerShell, made from the command tree: each completes
 * the subcommands of the command typed so far, its flags after a `-`, and file names otherwise.
 */

/** A command as completion sees it. */
export interface CompletionNode {
  readonly name: string;
  readonly summary: string;
  /** Its flags, `--name` and `-x` forms. */
  readonly flags: readonly string[];
  readonly children: readonly CompletionNode[];
}

export const shells = ['bash', 'zsh', 'fish', 'powershell'] as const;
export type Shell = (typeof shells)[number];

/** Every command below `root` with the words that reach it (`''` for the root). */
function paths(root: CompletionNode): { path: string; node: CompletionNode }[] {
  const out: { path: string; node: CompletionNode }[] = [];
  const visit = (node: CompletionNode, path: string) => {
    out.push({ path, node });
    for (const child of node.children) visit(child, path ? `${path} ${child.name}` : child.name);
  };
  visit(root, '');
  return out;
}

const words = (node: CompletionNode) => node.children.map((child) => child.name).join(' ');
const single = (text: string) => `'${text.replace(/'/g, "'\\''")}'`;

function bash(root: CompletionNode, program: string): string {
  const fn = `_${program.replace(/[^A-Za-z0-9]/g, '_')}`;
  const cases = (pick: (node: CompletionNode) => string) =>
    paths(root)
      .map(({ path, node }) => `    ${single(path)}) echo ${single(pick(node))} ;;`)
      .join('\n');
  return `# bash completion for ${program}; load with: source <(${program} completion bash)
${fn}_commands() {
  case "$1" in
${cases(words)}
  esac
}
${fn}_flags() {
  case "$1" in
${cases((node) => [...node.flags, '--help', '-h'].join(' '))}
  esac
}
${fn}() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" path="" word i
  for ((i = 1; i < COMP_CWORD; i++)); do
    word="\${COMP_WORDS[i]}"
    [[ "$word" == -* ]] && continue
    if [[ " $(${fn}_commands "$path") " == *" $word "* ]]; then path="\${path:+$path }$word"; fi
  done
  if [[ "$cur" == -* ]]; then
    COMPREPLY=($(compgen -W "$(${fn}_flags "$path")" -- "$cur"))
  else
    COMPREPLY=($(compgen -W "$(${fn}_commands "$path")" -- "$cur"))
  fi
}
complete -o default -F ${fn} ${program}
`;
}

function zsh(root: CompletionNode, program: string): string {
  return `#compdef ${program}
# zsh completion for ${program}; load with: source <(${program} completion zsh)
autoload -U +X bashcompinit && bashcompinit
${bash(root, program).replace(/^# bash completion.*\n/, '')}`;
}

function fish(root: CompletionNode, program: string): string {
  const lines = [`# fish completion for ${program}; load with: ${program} completion fish | source`, `complete -c ${program} -f`];
  for (const { path, node } of paths(root)) {
    const typed = path ? path.split(' ') : [];
    const condition = typed.length === 0 ? '__fish_use_subcommand' : `__fish_seen_subcommand_from ${typed.at(-1)}`;
    for (const child of node.children) lines.push(`complete -c ${program} -n ${single(condition)} -a ${single(child.name)} -d ${single(child.summary)}`);
    for (const flag of node.flags) {
      const option = flag.startsWith('--') ? `-l ${flag.slice(2)}` : `-s ${flag.slice(1)}`;
      lines.push(`complete -c ${program} -n ${single(typed.length === 0 ? '__fish_use_subcommand' : condition)} ${option} -r -F`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function powershell(root: CompletionNode, program: string): string {
  const quote = (text: string) => `'${text.replace(/'/g, "''")}'`;
  const table = paths(root)
    .map(({ path, node }) => `  ${quote(path)} = @(${[...node.children.map((child) => child.name), ...node.flags, '--help'].map(quote).join(', ')})`)
    .join('\n');
  return `# PowerShell completion for ${program}; load with: ${program} completion powershell | Out-String | Invoke-Expression
$__${program.replace(/[^A-Za-z0-9]/g, '_')}Words = @{
${table}
}
Register-ArgumentCompleter -Native -CommandName ${quote(program)} -ScriptBlock {
  param($wordToComplete, $commandAst, $cursorPosition)
  $table = $__${program.replace(/[^A-Za-z0-9]/g, '_')}Words
  $path = ''
  foreach ($element in $commandAst.CommandElements | Select-Object -Skip 1) {
    $word = $element.ToString()
    if ($word -eq $wordToComplete) { break }
    if ($word.StartsWith('-')) { continue }
    $next = if ($path) { "$path $word" } else { $word }
    if ($table.ContainsKey($next)) { $path = $next }
  }
  $table[$path] | Where-Object { $_ -like "$wordToComplete*" } | ForEach-Object {
    [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_)
  }
}
`;
}

/** The completion script of `shell` for `program`. */
export function completionScript(shell: Shell, root: CompletionNode, program: string): string {
  switch (shell) {
    case 'bash':
      return bash(root, program);
    case 'zsh':
      return zsh(root, program);
    case 'fish':
      return fish(root, program);
    case 'powershell':
      return powershell(root, program);
  }
}
