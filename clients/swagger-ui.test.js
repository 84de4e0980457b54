// Swagger UI in headless Chromium (Debian's /usr/bin/chromium): log in through "Try it out" on
// POST /login, paste the token into Authorize, create a store, and check the 201 shown on the page.
// Usage: BASE_URL=http://localhost:8080 node swagger-ui.test.js   (screenshot: ../target/swagger-ui.png)
const { chromium } = require('playwright-core');

const base = process.env.BASE_URL || 'http://localhost:8080';
const username = `swagger_${Date.now()}`;
const password = 'swagger-ui-test-password';

async function tryItOut(page, operationId, body) {
  const operation = page.locator(`#operations-${operationId}`);
  await operation.locator('.opblock-summary').click();
  await operation.locator('button.try-out__btn').click();
  await operation.locator('textarea.body-param__text').fill(body);
  await operation.locator('button.execute').click();
  const status = operation.locator('.live-responses-table tbody .response-col_status').first();
  await status.waitFor();
  return {
    status: (await status.innerText()).trim(),
    body: await operation.locator('.live-responses-table .microlight').first().innerText(),
  };
}

(async () => {
  const registered = await fetch(`${base}/register`, { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, email: `${username}@example.com`, password }) });
  if (registered.status !== 201) throw new Error(`register: ${registered.status}`);

  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1400 } });
    await page.goto(`${base}/swagger-ui.html`);
    await page.waitForSelector('.opblock');

    const login = await tryItOut(page, 'Auth-login', JSON.stringify({ username, password }));
    if (login.status !== '200') throw new Error(`POST /login in Swagger UI: ${login.status}`);
    const token = JSON.parse(login.body).access_token;

    await page.locator('button.authorize').first().click();
    await page.locator('.modal-ux input').first().fill(token);
    await page.locator('.modal-ux button.authorize').click();
    await page.locator('.modal-ux button.btn-done').click();

    const storeName = `Swagger UI store ${Date.now()}`;
    const created = await tryItOut(page, 'Stores-create', JSON.stringify({ name: storeName }));
    await page.locator('#operations-Stores-create').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${__dirname}/../target/swagger-ui.png` });
    if (created.status !== '201') throw new Error(`POST /store in Swagger UI: ${created.status} ${created.body}`);
    if (JSON.parse(created.body).name !== storeName) throw new Error(`unexpected store: ${created.body}`);
    console.log(`Swagger UI: logged in, authorized, created "${storeName}" (201); screenshot in target/swagger-ui.png`);
  } finally {
    await browser.close();
  }
})().catch(error => { console.error(error); process.exit(1); });
