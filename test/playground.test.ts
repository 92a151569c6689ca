/// <reference lib="dom" />
/**
 * The playground as a person uses it, in a real headless Chromium (Debian's `chromium`; the test is skipped
 * where it is not installed): the page loads the instavote example, a person changes the prod overlay's image
 * tag, and the output shown must equal the library's build of the same files. A screenshot goes to
 * test/.output/playground.png.
 */
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, MemoryFileSystem } from '@kustomize-ts/core';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { build as viteBuild } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path));
const repository = fileURLToPath(new URL('..', import.meta.url));
const playground = join(repository, 'examples/playground');
const outputFolder = join(repository, 'test/.output');
const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

describe.skipIf(chromium === undefined)('the playground in headless Chromium', () => {
  let server: Server;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    await viteBuild({ configFile: join(playground, 'vite.config.ts'), logLevel: 'error' });
    const dist = join(playground, 'dist');
    server = createServer((request, response) => {
      const path = join(dist, new URL(request.url ?? '/', 'http://localhost').pathname.replace(/\/$/, '/index.html'));
      if (!path.startsWith(dist) || !existsSync(path) || !statSync(path).isFile()) return void response.writeHead(404).end();
      response.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' }).end(readFileSync(path));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    browser = await puppeteer.launch({ executablePath: chromium!, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
    page = await browser.newPage();
    await page.setViewport({ width: 1400, height: 900 });
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    await page.waitForFunction(() => (document.getElementById('output')?.textContent ?? '') !== '');
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  const shown = (id: string) => page.$eval(`#${id}`, (element) => element.textContent ?? '');
  const pageFiles = () => page.evaluate(() => (window as unknown as { playground: { files: () => Record<string, string> } }).playground.files());
  const builds = () => page.$eval('body', (body) => Number(body.dataset['builds'] ?? '0'));

  it('shows the prod overlay built as the library builds the example', async () => {
    expect(await shown('output')).toBe(build({ fs: new MemoryFileSystem(await pageFiles()), path: '/overlays/prod' }).yaml);
    expect(await shown('diff')).toContain('~ Deployment instavote/vote');
  });

  it('rebuilds as a person changes the image tag, and shows what the library builds', async () => {
    await page.click('#file-list button[aria-current="true"]');
    const before = await builds();
    // Select the tag in the editor and type over it, as a person would.
    await page.$eval('#editor', (editor) => {
      const textarea = editor as HTMLTextAreaElement;
      const at = textarea.value.indexOf('newTag: v4') + 'newTag: '.length;
      textarea.focus();
      textarea.setSelectionRange(at, at + 2);
    });
    await page.keyboard.type('v5');
    await page.waitForFunction((count: number) => Number(document.body.dataset['builds']) >= count + 2, {}, before);
    const output = await shown('output');
    expect(output).toContain('image: schoolofdevops/vote:v5');
    const files = await pageFiles();
    expect(files['overlays/prod/kustomization.yaml']).toContain('newTag: v5');
    expect(output).toBe(build({ fs: new MemoryFileSystem(files), path: '/overlays/prod' }).yaml);
    await page.waitForFunction(() => document.body.dataset['asyncAgrees'] !== undefined);
    expect(await page.$eval('body', (body) => body.dataset['asyncAgrees'])).toBe('true');
    mkdirSync(outputFolder, { recursive: true });
    await page.screenshot({ path: join(outputFolder, 'playground.png') });
  });

  it('shows an error with its file and line, and warnings', async () => {
    await page.$eval('#editor', (editor) => {
      const textarea = editor as HTMLTextAreaElement;
      textarea.value = textarea.value.replace('images:', 'images:\n  - name: ngnix\n    newTag: "1"');
      textarea.dispatchEvent(new Event('input'));
    });
    await page.waitForFunction(() => (document.getElementById('warnings')?.textContent ?? '').includes('ngnix'));
    expect(await shown('warnings')).toContain("overlays/prod/kustomization.yaml: images[0]: images entry 'ngnix' changed no image");
    await page.$eval('#editor', (editor) => {
      const textarea = editor as HTMLTextAreaElement;
      textarea.value = `${textarea.value}\n  bad: [\n`;
      textarea.dispatchEvent(new Event('input'));
    });
    await page.waitForFunction(() => !document.getElementById('error')!.hidden);
    expect(await shown('error')).toMatch(/overlays\/prod\/kustomization\.yaml.*line \d+/);
  });
});
