import { describe, expect, it } from 'vitest';
import { createTestApp } from './app';

describe('the server', () => {
  it('answers health checks and serves the OpenAPI document', async () => {
    const { app } = await createTestApp();
    const health = await app.inject({ method: 'GET', url: '/healthz' });
    expect(health.json()).toEqual({ status: 'ok' });
    const ready = await app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    const doc = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(doc.json().openapi).toBe('3.1.0');
  });

  it('answers an unknown API path with the one error shape, in the language asked for', async () => {
    const { app } = await createTestApp();
    const id = await app.inject({ method: 'GET', url: '/api/v1/nope' });
    expect(id.statusCode).toBe(404);
    expect(id.json().error).toMatchObject({ code: 'NOT_FOUND', message: 'Alamat tidak ditemukan.' });
    const en = await app.inject({ method: 'GET', url: '/api/v1/nope', headers: { 'accept-language': 'en-US' } });
    expect(en.json().error.message).toBe('No such route.');
  });
});
