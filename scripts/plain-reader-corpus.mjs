#!/usr/bin/env node
/**
 * The plain reader over real YAML: every document of every `.yaml`/`.yml` file under the directories
 * given (fetched repositories, say; never commit them) is read by the plain reader and by the full
 * reader, which must agree wherever the plain reader reads. Prints the share of documents (and bytes)
 * the plain reader read itself, out of those the full reader reads, and every disagreement.
 * Needs the built core (`pnpm build`).
 *
 *   node scripts/plain-reader-corpus.mjs DIR... [--list]
 *
 * `--list` also prints each document left to the full reader (its size and file). Exit status 1 on any
 * disagreement.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dist = new URL('../packages/core/dist/yaml/', import.meta.url);
const { readPlainDocument, NOT_PLAIN } = await import(new URL('plain-reader.js', dist).href);
const { readDocumentFully } = await import(new URL('parse.js', dist).href);
const { normaliseLineEnds, splitDocuments } = await import(new URL('split.js', dist).href);

const list = process.argv.includes('--list');
const roots = process.argv.slice(2).filter((arg) => arg !== '--list');
if (roots.length === 0) {
  console.error('usage: node scripts/plain-reader-corpus.mjs DIR... [--list]');
  process.exit(2);
}

function* yamlFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== 'node_modules' && entry.name !== '.git') yield* yamlFiles(path);
    else if (entry.isFile() && /\.ya?ml$/.test(entry.name)) yield path;
  }
}

/** The documents of a file as kustomize reads them: a kustomization whole (sigs.k8s.io/yaml), others split (kyaml). */
function documentsOf(path) {
  const text = normaliseLineEnds(readFileSync(path, 'utf8'));
  if (/(^|\/)kustomization\.ya?ml$/.test(path)) return [{ text, dialect: 'sigs-yaml' }];
  try {
    return splitDocuments(text).map((chunk) => ({ text: chunk.text, dialect: 'kyaml' }));
  } catch {
    return [];
  }
}

const total = { documents: 0, read: 0, bytes: 0, readBytes: 0, refused: 0, disagreements: 0 };
const left = [];
for (const root of roots) {
  for (const path of yamlFiles(root)) {
    for (const { text, dialect } of documentsOf(path)) {
      let full;
      try {
        full = JSON.stringify(readDocumentFully(text, dialect));
      } catch {
        total.refused++;
        continue;
      }
      total.documents++;
      total.bytes += text.length;
      const plain = dialect === 'kyaml' ? readPlainDocument(text, 'v3', true) : readPlainDocument(text, 'v2', false);
      if (plain === NOT_PLAIN) {
        left.push(`${text.length} ${path}`);
        continue;
      }
      total.read++;
      total.readBytes += text.length;
      if (JSON.stringify(plain) !== full) {
        total.disagreements++;
        console.log(`disagreement: ${path}`);
      }
    }
  }
}
if (list) for (const line of left) console.log(`left to the full reader: ${line}`);
const percent = (part, whole) => `${((100 * part) / Math.max(whole, 1)).toFixed(2)} %`;
console.log(
  `${total.documents} documents (${(total.bytes / 1e6).toFixed(1)} MB), plain reader read ${total.read} (${percent(total.read, total.documents)}; ${percent(total.readBytes, total.bytes)} of the bytes); ` +
    `${total.refused} more refused by the full reader (not counted); ${total.disagreements} disagreements`,
);
process.exit(total.disagreements === 0 ? 0 : 1);
