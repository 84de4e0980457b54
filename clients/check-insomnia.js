// Imports clients/insomnia.json with Insomnia's own importers and checks that it covers every
// operation of the API contract, with the access/refresh tokens chained from the /login response
// a conditional update whose If-Match is chained from a GET's ETag, and a create with an Idempotency-Key.
const fs = require('fs');
const { convert } = require('insomnia-importers');

const CONTRACT = [
  'POST /register', 'POST /login', 'POST /refresh', 'POST /logout', 'GET /user/me', 'GET /user/{}', 'DELETE /user/{}',
  'GET /store', 'POST /store', 'GET /store/{}', 'DELETE /store/{}',
  'GET /item', 'POST /item', 'GET /item/{}', 'PUT /item/{}', 'DELETE /item/{}',
  'GET /store/{}/tag', 'POST /store/{}/tag', 'POST /item/{}/tag/{}', 'DELETE /item/{}/tag/{}',
  'GET /tag/{}', 'DELETE /tag/{}',
];

(async () => {
  const raw = fs.readFileSync(`${__dirname}/insomnia.json`, 'utf8');
  const imported = await convert(raw);
  const failures = [];
  if (imported.type.id !== 'insomnia-4') failures.push(`imported as ${imported.type.id}, not insomnia-4`);
  const resources = imported.data.resources;
  const requests = resources.filter(r => r._type === 'request');
  const operations = new Set(requests.map(r => `${r.method} ${r.url.replace('{{ url }}', '').split('?')[0]
    .replace(/\{\{ \w+ \}\}/g, '{}')}`));
  for (const operation of CONTRACT) {
    if (!operations.has(operation)) failures.push(`missing operation ${operation}`);
  }
  const env = resources.find(r => r._type === 'environment').data;
  for (const token of ['access_token', 'refresh_token']) {
    if (!/^\{% response 'body', 'req_login', '\$\.\w+_token'/.test(env[token] || '')) {
      failures.push(`${token} is not chained from the /login response body`);
    }
  }
  const ifMatch = requests.find(r => r.method === 'PUT' && r.headers.some(h => h.name === 'If-Match'
    && /^\{% response 'header', 'req_item_get', 'ETag'/.test(h.value)));
  if (!ifMatch) failures.push('no PUT sends If-Match with the ETag of the "Get an item" response');
  const idempotent = requests.find(r => r.method === 'POST' && r.headers.some(h => h.name === 'Idempotency-Key'
    && h.value === '{{ idempotency_key }}'));
  if (!idempotent || !env.idempotency_key) failures.push('no POST sends Idempotency-Key from the environment');
  const protectedWithoutToken = requests.filter(r => !['GET', 'OPTIONS'].includes(r.method)
    && !['/register', '/login'].some(p => r.url.endsWith(p))
    && !r.headers.some(h => h.name === 'Authorization' && /^Bearer \{\{ (access|refresh)_token \}\}$/.test(h.value)));
  protectedWithoutToken.forEach(r => failures.push(`${r.method} ${r.url} sends no Bearer token`));
  if (failures.length) {
    console.error('insomnia.json:\n  ' + failures.join('\n  '));
    process.exit(1);
  }
  console.log(`insomnia.json imports as ${imported.type.id}: ${requests.length} requests, every contract operation, tokens chained from /login`);
})().catch(error => { console.error(error); process.exit(1); });
