import { build, buildAsync, diffResources, formatResourceDiff, KustomizeError, MemoryFileSystem, toAsyncFileSystem, type BuildWarning } from '@kustomize-ts/core';

/** The instavote example of this repository, loaded first (its base and overlays). */
const example = import.meta.glob<string>(['../../instavote/base/*', '../../instavote/overlays/**/*'], { query: '?raw', import: 'default', eager: true });

const files = new Map<string, string>(Object.entries(example).map(([path, text]) => [path.replace('../../instavote/', ''), text]));
let current = files.has('overlays/prod/kustomization.yaml') ? 'overlays/prod/kustomization.yaml' : [...files.keys()][0]!;

const element = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const fileList = element<HTMLUListElement>('file-list');
const editor = element<HTMLTextAreaElement>('editor');
const editing = element<HTMLHeadingElement>('editing');
const overlaySelect = element<HTMLSelectElement>('overlay');
const diffFrom = element<HTMLSelectElement>('diff-from');
const diffTo = element<HTMLSelectElement>('diff-to');
const output = element<HTMLPreElement>('output');
const diffOutput = element<HTMLPreElement>('diff');
const errorBox = element<HTMLDivElement>('error');
const warningList = element<HTMLUListElement>('warnings');
const status = element<HTMLSpanElement>('status');

/** The directories that hold a kustomization: what can be built. */
function overlays(): string[] {
  return [...files.keys()].filter((path) => /(^|\/)(kustomization\.ya?ml|Kustomization)$/.test(path)).map((path) => path.replace(/\/?[^/]*$/, '')).sort();
}

function fillSelect(select: HTMLSelectElement, options: readonly string[], preferred: string): void {
  const chosen = options.includes(select.value) ? select.value : options.includes(preferred) ? preferred : (options[0] ?? '');
  select.replaceChildren(...options.map((option) => new Option(option, option, false, option === chosen)));
}

function renderFileList(): void {
  fileList.replaceChildren(
    ...[...files.keys()].sort().map((path) => {
      const button = document.createElement('button');
      button.textContent = path;
      button.setAttribute('aria-current', String(path === current));
      button.addEventListener('click', () => open(path));
      const item = document.createElement('li');
      item.append(button);
      return item;
    }),
  );
  const options = overlays();
  fillSelect(overlaySelect, options, 'overlays/prod');
  fillSelect(diffFrom, options, 'overlays/staging');
  fillSelect(diffTo, options, 'overlays/prod');
}

function open(path: string): void {
  current = path;
  editing.textContent = path;
  editor.value = files.get(path) ?? '';
  renderFileList();
}

/** A path the build gives relative to the overlay, as a path of the tree (`overlays/prod/kustomization.yaml`). */
function treePath(overlay: string, file: string | undefined): string | undefined {
  if (file === undefined) return undefined;
  const parts: string[] = [];
  for (const part of `${overlay}/${file}`.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '' && part !== '.') parts.push(part);
  }
  return parts.join('/');
}

function warningText(warning: BuildWarning, overlay: string): string {
  const where = [treePath(overlay, warning.location.file), warning.location.field].filter(Boolean).join(': ');
  const closest = warning.closest?.length ? ` (closest: ${warning.closest.join(', ')})` : '';
  return `${where ? `${where}: ` : ''}${warning.message.replace(/^# Warning: /, '')}${closest}`;
}

/** An error as `FILE, field F: message (hint)`, the file as a path of the tree; YAML errors name the line in the message. */
function errorText(error: KustomizeError, overlay: string): string {
  const { file, document: index, field } = error.location;
  const where = [treePath(overlay, file), index === undefined ? undefined : `document ${index}`, field === undefined ? undefined : `field ${field}`].filter(Boolean).join(', ');
  return `${where ? `${where}: ` : ''}${error.message}${error.hint ? `\n(${error.hint})` : ''}`;
}

function buildOverlay(fs: MemoryFileSystem, overlay: string) {
  return build({ fs, path: `/${overlay}` });
}

/** Builds the chosen overlay and the diff from the current files; shows output, warnings and errors. */
function refresh(): void {
  const fs = new MemoryFileSystem(Object.fromEntries(files));
  delete document.body.dataset['asyncAgrees'];
  const started = performance.now();
  try {
    const result = buildOverlay(fs, overlaySelect.value);
    output.textContent = result.yaml;
    warningList.replaceChildren(...result.warnings.map((warning) => Object.assign(document.createElement('li'), { textContent: warningText(warning, overlaySelect.value) })));
    errorBox.hidden = true;
    status.textContent = `${result.objects.length} resources in ${Math.round(performance.now() - started)} ms`;
    // The async API over the same files must give the same bytes, here in the browser too.
    const overlay = overlaySelect.value;
    void buildAsync({ fs: toAsyncFileSystem(fs), path: `/${overlay}` }).then((again) => {
      document.body.dataset['asyncAgrees'] = String(again.yaml === result.yaml);
    });
  } catch (error) {
    const typed = error instanceof KustomizeError ? error : undefined;
    errorBox.hidden = false;
    errorBox.textContent = typed ? errorText(typed, overlaySelect.value) : String(error);
    warningList.replaceChildren();
    status.textContent = 'failed';
  }
  try {
    const [from, to] = [buildOverlay(fs, diffFrom.value), buildOverlay(fs, diffTo.value)];
    diffOutput.textContent = formatResourceDiff(diffResources(from.objects, to.objects), { before: diffFrom.value, after: diffTo.value });
  } catch (error) {
    diffOutput.textContent = error instanceof KustomizeError ? error.toOneLine() : String(error);
  }
  document.body.dataset['builds'] = String(Number(document.body.dataset['builds'] ?? '0') + 1);
}

editor.addEventListener('input', () => {
  files.set(current, editor.value);
  refresh();
});
for (const select of [overlaySelect, diffFrom, diffTo]) select.addEventListener('change', refresh);
element<HTMLFormElement>('add-file').addEventListener('submit', (event) => {
  event.preventDefault();
  const input = element<HTMLInputElement>('new-file');
  const path = input.value.trim().replace(/^\/+/, '');
  if (path === '') return;
  if (!files.has(path)) files.set(path, '');
  input.value = '';
  open(path);
  refresh();
});

/** For tests and the console: the files as the page holds them. */
(window as unknown as { playground: { files: () => Record<string, string> } }).playground = { files: () => Object.fromEntries(files) };

open(current);
refresh();
