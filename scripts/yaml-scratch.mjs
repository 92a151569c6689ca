import { parseAllDocuments, isScalar, isMap, isSeq, isAlias } from 'yaml';
const src = `a: !!int "12"
b: ! 12
c: !foo bar
d: &x {e: 1, e: 2}
f: *x
<<: *x
g: 0x1F
h: |
  text
i: "\\uD800"
? [k]
: v
j: 2001-12-14
`;
const docs = parseAllDocuments(src, { schema: 'failsafe', uniqueKeys: false, merge: false, version: '1.2', strict: false });
for (const d of docs) {
  console.log(d.errors.map(e=>e.message), d.warnings.map(e=>e.message));
  const walk = (n, ind='') => {
    if (isScalar(n)) console.log(ind, 'scalar', JSON.stringify(n.value), n.type, n.tag, JSON.stringify(n.source), n.anchor);
    else if (isMap(n)) { console.log(ind,'map', n.tag, n.anchor, n.flow); for (const p of n.items) { walk(p.key, ind+'  k'); walk(p.value, ind+'  v'); } }
    else if (isSeq(n)) { console.log(ind,'seq', n.tag); for (const p of n.items) walk(p, ind+'  '); }
    else if (isAlias(n)) console.log(ind, 'alias', n.source);
    else console.log(ind, 'other', n);
  };
  walk(d.contents);
}
