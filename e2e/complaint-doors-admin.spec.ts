// The agency admin's complaint doors in a real browser (360 px phone): an Open311 client and an SMS/WhatsApp
// gateway are created in the console, their api_key / HMAC secret is shown once with a copy button, works
// against the real door (the test posts to it like a partner would), and is refused once revoked.
import { createHmac } from 'node:crypto';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../src/core/auth/seed-demo-accounts';
import { signIn } from './console-helpers';
import { type E2E, PHONE, axeCheck, snap, startE2E } from './harness';

let e2e: E2E;
let page: Page;
beforeAll(async () => {
  e2e = await startE2E();
  page = await e2e.newPage(PHONE);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: e2e.baseUrl });
  await signIn(e2e, page, DEMO_ACCOUNTS.admin_instansi, { check: false });
});

const noSideScroll = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

async function openFromInbox(link: string, heading: string) {
  await page.goto('/konsol/pengaduan');
  await page.getByRole('navigation', { name: 'Pengaturan pengaduan' }).getByRole('link', { name: link }).click();
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

/** Files a report at the Open311 door as a partner app would. */
const fileOpen311 = (apiKey: string) =>
  fetch(`${e2e.baseUrl}/open311/v2/requests.json`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      api_key: apiKey,
      jurisdiction_id: 'banten',
      service_code: 'infrastruktur.jalan-provinsi',
      description: 'Jalan provinsi berlubang besar di depan pasar Kasemen.',
      'attribute[region_code]': '36.73.02.1001',
    }),
  });

let messages = 0;
/** Posts one message signed with `secret` over "<timestamp>.<raw body>", as a gateway would. */
function sendSigned(webhookPath: string, secret: string) {
  messages += 1;
  const body = JSON.stringify({ messageId: `wa-e2e-${messages}`, from: '+6281298765432', text: 'Lampu jalan mati' });
  const ts = String(Math.floor(e2e.t.clock.now().getTime() / 1000));
  const signature = createHmac('sha256', secret).update(`${ts}.${body}`).digest('hex');
  return fetch(`${e2e.baseUrl}${webhookPath}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-pamong-timestamp': ts, 'x-pamong-signature': signature },
    body,
  });
}

describe('complaint doors of the agency admin (360 px)', () => {
  it('creates an Open311 client, shows its key once, the key files a request, revoked it is refused', async () => {
    await openFromInbox('Klien Open311', 'Klien Open311');
    await page.getByText('Belum ada klien Open311.').waitFor();
    expect(await page.getByTestId('open311-endpoint').textContent()).toMatch(/\/open311\/v2\/$/);
    expect(await page.getByTestId('open311-jurisdiction').textContent()).toBe('banten');
    await axeCheck(page, 'Open311 clients, empty');

    await page.getByLabel('Nama', { exact: true }).fill('FixMyStreet Banten');
    await page.getByRole('button', { name: 'Tambah klien' }).click();
    const panel = page.getByTestId('new-api-key-panel');
    await panel.getByRole('heading', { name: 'api_key untuk FixMyStreet Banten' }).waitFor();
    await panel.getByText('Ini tidak akan ditampilkan lagi.', { exact: false }).waitFor();
    const apiKey = ((await page.getByTestId('new-api-key').textContent()) ?? '').trim();
    expect(apiKey).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    await page.getByTestId('open311-clients').getByRole('heading', { name: 'FixMyStreet Banten' }).waitFor();
    await axeCheck(page, 'Open311 client key shown once');
    expect(await noSideScroll()).toBe(true);
    await snap(page, 'open311-key-once');

    await panel.getByRole('button', { name: 'Salin' }).click();
    await panel
      .getByRole('status')
      .filter({ hasText: /Tersalin|Tidak dapat menyalin/ })
      .waitFor();
    if ((await panel.getByRole('status').textContent())?.startsWith('Tersalin'))
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(apiKey);

    const filed = await fileOpen311(apiKey);
    expect(filed.status).toBe(201);
    expect(((await filed.json()) as { service_request_id: string }[])[0]!.service_request_id).toMatch(/^LPR-/);

    await panel.getByRole('button', { name: 'Sudah saya simpan' }).click();
    await panel.waitFor({ state: 'detached' });
    await page.reload();
    await page.getByTestId('open311-clients').getByRole('heading', { name: 'FixMyStreet Banten' }).waitFor();
    expect(await page.content()).not.toContain(apiKey);

    await page.getByRole('button', { name: 'Cabut FixMyStreet Banten' }).click();
    await page
      .getByText('Cabut akses FixMyStreet Banten? Laporan yang dikirim dengan api_key ini langsung ditolak.')
      .waitFor();
    await axeCheck(page, 'Open311 revoke confirmation');
    await page.getByRole('button', { name: 'Ya, cabut' }).click();
    await page.getByRole('status').filter({ hasText: 'FixMyStreet Banten sudah dicabut.' }).waitFor();
    await page.getByTestId('open311-clients').getByText('Dicabut', { exact: true }).waitFor();

    const refused = await fileOpen311(apiKey);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual([{ code: 403, description: 'api_key tidak valid. / Invalid api_key.' }]);
  });

  it('creates a gateway, shows its secret once with the webhook URL, a signed message is filed, revoked it is refused', async () => {
    await openFromInbox('Gateway SMS/WhatsApp', 'Gateway SMS/WhatsApp');
    await page.getByText('Belum ada gateway.').waitFor();
    const how = page.getByRole('region', { name: 'Cara mengirim pesan' });
    await how.getByText('X-Pamong-Timestamp', { exact: false }).first().waitFor();
    await how.getByText('"<timestamp>.<isi mentah>"', { exact: false }).waitFor();
    await axeCheck(page, 'gateways, empty');

    const form = page.getByRole('form', { name: 'Tambah gateway' });
    await form.getByLabel('Nama', { exact: true }).fill('WhatsApp Banten');
    await form.getByLabel('Kanal').selectOption({ label: 'WhatsApp' });
    await form.getByLabel('Cari desa/kelurahan').fill('Kasemen');
    await page.waitForFunction(() =>
      [...document.querySelectorAll('option')].some((o) => o.text.startsWith('Kasemen — ')),
    );
    const region = form.getByLabel('Desa/kelurahan bawaan');
    const desa = await region.evaluate(
      (el) => [...(el as HTMLSelectElement).options].find((o) => o.text.startsWith('Kasemen — '))!.value,
    );
    await region.selectOption(desa);
    await form.getByRole('button', { name: 'Tambah gateway' }).click();

    const panel = page.getByTestId('new-gateway-secret-panel');
    await panel.getByRole('heading', { name: 'Rahasia HMAC untuk WhatsApp Banten' }).waitFor();
    const secret = ((await page.getByTestId('new-gateway-secret').textContent()) ?? '').trim();
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    const webhook = new URL(((await page.getByTestId('new-gateway-webhook').textContent()) ?? '').trim());
    expect(webhook.pathname).toMatch(/^\/api\/v1\/complaints\/inbound\/[0-9a-f-]{36}$/);
    await page.getByTestId('gateways').getByRole('heading', { name: 'WhatsApp Banten' }).waitFor();
    await axeCheck(page, 'gateway secret shown once');
    expect(await noSideScroll()).toBe(true);
    await snap(page, 'gateway-secret-once');

    const filed = await sendSigned(webhook.pathname, secret);
    expect(filed.status).toBe(201);
    expect(((await filed.json()) as { code: string }).code).toMatch(/^LPR-/);
    // A message signed with another secret files nothing.
    expect((await sendSigned(webhook.pathname, 'f'.repeat(64))).status).toBe(401);

    await panel.getByRole('button', { name: 'Sudah saya simpan' }).click();
    await panel.waitFor({ state: 'detached' });
    expect(await page.content()).not.toContain(secret);

    await page.getByRole('button', { name: 'Cabut WhatsApp Banten' }).click();
    await page.getByText('Cabut WhatsApp Banten? Pesan bertanda tangan dari gateway ini langsung ditolak.').waitFor();
    await axeCheck(page, 'gateway revoke confirmation');
    await page.getByRole('button', { name: 'Ya, cabut' }).click();
    await page.getByRole('status').filter({ hasText: 'WhatsApp Banten sudah dicabut.' }).waitFor();
    await page.getByTestId('gateways').getByText('Dicabut', { exact: true }).waitFor();

    const refused = await sendSigned(webhook.pathname, secret);
    expect(refused.status).toBe(404);
  });
});
