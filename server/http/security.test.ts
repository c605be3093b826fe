// Security properties a person would notice only when they fail: headers, logs that never
// hold secrets or addresses, an API document that covers every endpoint, health checks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../test/helpers/platform';
import { createUser, currentOtp, sessionCookieFrom } from '../../test/helpers/factories';

let p: TestPlatform;
beforeAll(async () => {
  p = await createTestPlatform();
});
afterAll(async () => p?.close());

describe('security', () => {
  it('sends a strict Content-Security-Policy and no-referrer on every page', async () => {
    for (const url of ['/', '/api/v1/session', '/health']) {
      const response = await p.app.inject({ method: 'GET', url });
      const csp = String(response.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).toContain("frame-ancestors 'none'");
      expect(response.headers['referrer-policy']).toBe('no-referrer');
      expect(response.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it('never writes passwords, codes, cookies, CSRF tokens or addresses to the log', async () => {
    const user = await createUser(p.ctx, { roles: ['counsellor'] });
    const otp = await currentOtp(user.totpSecret!);
    const before = p.logs.length;
    const ok = await p.app.inject({
      method: 'POST',
      url: '/api/v1/session?trace=secret-in-query',
      remoteAddress: '203.0.113.77',
      headers: { 'user-agent': 'UniqueAgent/1.0' },
      payload: { username: user.username, password: user.password, otp },
    });
    expect(ok.statusCode).toBe(200);
    const cookie = sessionCookieFrom(ok);
    await p.app.inject({ method: 'PATCH', url: '/api/v1/account', remoteAddress: '203.0.113.77', headers: { cookie, 'x-csrf-token': ok.json().csrfToken }, payload: { language: 'en' } });
    const written = p.logs.slice(before).join('\n');
    expect(written.length).toBeGreaterThan(0);
    for (const secret of [user.password, otp, cookie.split('=')[1]!, ok.json().csrfToken, '203.0.113.77', 'UniqueAgent', 'secret-in-query']) {
      expect(written).not.toContain(secret);
    }
  });

  it('documents every API endpoint in /api/openapi.json, from the same schemas that validate', async () => {
    const doc = (await p.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    const documented = new Set<string>();
    for (const [path, methods] of Object.entries(doc.paths as Record<string, Record<string, unknown>>)) {
      for (const method of Object.keys(methods)) documented.add(`${method.toUpperCase()} ${path}`);
    }
    // Every route Fastify knows, rebuilt from its route tree.
    const stack: string[] = [];
    const apiRoutes: string[] = [];
    for (const line of p.app.printRoutes({ commonPrefix: false }).split('\n')) {
      const match = /^([│ ]*)[├└]── (.+?) \(([^)]+)\)$/.exec(line);
      if (!match) continue;
      const depth = match[1]!.length / 4;
      stack[depth] = match[2]!;
      const path = stack.slice(0, depth + 1).join('');
      if (!path.startsWith('/api/v1/')) continue;
      for (const method of match[3]!.split(', ')) {
        if (method !== 'HEAD') apiRoutes.push(`${method} ${path.replace(/:(\w+)/g, '{$1}')}`);
      }
    }
    expect(apiRoutes.length).toBeGreaterThan(10);
    // WebSocket upgrades cannot be described in OpenAPI; the document names them and points to the protocol.
    const webSockets = ['GET /api/v1/chat/socket', 'GET /api/v1/chat/staff-socket'];
    for (const route of webSockets) expect(doc.info.description).toContain(route);
    for (const route of apiRoutes.filter((r) => !webSockets.includes(r))) expect(documented, route).toContain(route);
    const login = doc.paths['/api/v1/session'].post.requestBody.content['application/json'].schema;
    expect(login.required).toEqual(expect.arrayContaining(['username', 'password']));
    expect(login.additionalProperties).toBe(false);
  });

  it('answers /health with 200 while the database answers and 503 when it does not', async () => {
    expect((await p.app.inject({ method: 'GET', url: '/health' })).json()).toEqual({ status: 'ok' });
    const other = await createTestPlatform();
    const app = other.app;
    await other.ctx.database.pool.end();
    const down = await app.inject({ method: 'GET', url: '/health' });
    expect(down.statusCode).toBe(503);
    expect(down.json()).toEqual({ status: 'unavailable' });
    await app.close();
    await other.ctx.jobs?.boss.stop({ graceful: false }).catch(() => {});
    await other.ctx.database.pglite?.close();
  });
});
