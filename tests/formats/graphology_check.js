// graphology-gexf (the GEXF reader of Gephi Lite) reads actornet's GEXF export of the bundled
// dataset: node, edge and parallel-edge counts, mixed directions, node kinds and attributes,
// edge kinds (relations), weights, edge ids and the viz: data.
// Usage: node graphology_check.js ACTORNET DATASET OUTDIR  (NODE_PATH must reach the modules)
'use strict';
const {execFileSync} = require('child_process');
const fs = require('fs');
const path = require('path');
const Graph = require('graphology');
const gexf = require('graphology-gexf');

const [actornet, dataset, outdir] = process.argv.slice(2);
fs.mkdirSync(outdir, {recursive: true});
const file = path.join(outdir, 'dataset.gexf');
execFileSync(actornet, ['export', dataset, '-o', file, '--with-scores', 'pagerank',
                        '--size-by', 'pagerank'], {stdio: 'inherit'});

// The expectations, from the dataset's CSV files (simple CSV: split respecting quotes).
function parseCsv(text) {
  const rows = [];
  let row = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n') { row.push(field.replace(/\r$/, '')); rows.push(row); row = []; field = ''; }
    else field += c;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  const header = rows.shift();
  return rows.map(r => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}
const nodes = parseCsv(fs.readFileSync(path.join(dataset, 'nodes.csv'), 'utf8'));
const edges = parseCsv(fs.readFileSync(path.join(dataset, 'edges.csv'), 'utf8'));

let failures = 0;
function check(ok, message) {
  if (!ok) { failures++; console.log('FAIL: ' + message); }
}

const graph = gexf.parse(Graph, fs.readFileSync(file, 'utf8'));
check(graph.type === 'mixed', `graph type ${graph.type}, expected mixed`);
check(graph.multi, 'parallel edges make a multi graph (graphology needs multi: true)');
check(graph.order === nodes.length, `${graph.order} nodes, expected ${nodes.length}`);
check(graph.size === edges.length, `${graph.size} edges, expected ${edges.length}`);

const pairKey = e => e.Type === 'directed' ? `${e.Source}>${e.Target}`
                                           : [e.Source, e.Target].sort().join('-');
const expectedPairs = new Map();
for (const e of edges) expectedPairs.set(pairKey(e), (expectedPairs.get(pairKey(e)) || 0) + 1);
let expectedParallel = 0;
for (const n of expectedPairs.values()) expectedParallel += n - 1;
const gotPairs = new Map();
graph.forEachEdge((id, attrs, s, t, sa, ta, undirected) => {
  const key = undirected ? [s, t].sort().join('-') : `${s}>${t}`;
  gotPairs.set(key, (gotPairs.get(key) || 0) + 1);
});
let gotParallel = 0;
for (const n of gotPairs.values()) gotParallel += n - 1;
check(gotParallel === expectedParallel,
      `${gotParallel} parallel edges, expected ${expectedParallel}`);

for (const n of nodes) {
  if (!graph.hasNode(n.Id)) { check(false, `node ${n.Id} missing`); continue; }
  const a = graph.getNodeAttributes(n.Id);
  check(a.label === (n.Label || n.Id), `label of ${n.Id}`);
  check(a.kind === n.kind, `kind of ${n.Id}: ${a.kind}`);
  if (n.country) check(a.country === n.country, `country of ${n.Id}`);
  if (n.side) check(a.side === n.side, `side of ${n.Id}`);
  check(typeof a.pagerank === 'number' && a.pagerank > 0, `pagerank of ${n.Id}`);
  check(typeof a.size === 'number' && a.size >= 5 && a.size <= 50, `viz:size of ${n.Id}`);
  check(typeof a.color === 'string' && a.color.length > 0, `viz:color of ${n.Id}`);
}
for (const e of edges) {
  if (!graph.hasEdge(e.Id)) { check(false, `edge ${e.Id} missing`); continue; }
  const a = graph.getEdgeAttributes(e.Id);
  check(graph.source(e.Id) === e.Source && graph.target(e.Id) === e.Target, `ends of ${e.Id}`);
  check(graph.isDirected(e.Id) === (e.Type === 'directed'), `direction of ${e.Id}`);
  check(a.kind === e.Kind, `kind (relation) of ${e.Id}: ${a.kind}`);
  check(a.weight === Number(e.Weight || 1), `weight of ${e.Id}`);
  if (e.confidence) check(a.confidence === Number(e.confidence), `confidence of ${e.Id}`);
  if (e['domain:list'])
    check(JSON.stringify(a.domain) === JSON.stringify(e['domain:list'].split('|')),
          `domain of ${e.Id}: ${JSON.stringify(a.domain)}`);
}
console.log(`graphology-gexf read ${graph.order} nodes, ${graph.size} edges ` +
            `(${gotParallel} parallel), type ${graph.type}, multi ${graph.multi}`);
process.exit(failures ? 1 : 0);
