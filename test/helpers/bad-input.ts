// The shared check that an endpoint answers bad input with a 4xx and a JSON error naming the
// field: malformed JSON, wrong types, missing fields, unknown fields, oversized bodies.
import { expect } from 'vitest';
import type { Client } from './factories';

export interface BadInputCase {
  method: 'POST' | 'PUT' | 'PATCH';
  url: string;
  /** A body the endpoint accepts (used as the base for each broken variant). */
  valid: Record<string, unknown>;
  /** A field that must be present (omit for endpoints whose fields are all optional). */
  required?: string;
  /** A field and a value of the wrong type for it. */
  wrongType: [string, unknown];
  /** The route's body limit, if it is not the default 256 KiB. */
  bodyLimit?: number;
}

function expectError(response: { statusCode: number; body: string }, field?: string) {
  expect(response.statusCode, response.body).toBeGreaterThanOrEqual(400);
  expect(response.statusCode, response.body).toBeLessThan(500);
  const body = JSON.parse(response.body);
  expect(typeof body.error.code).toBe('string');
  expect(typeof body.error.message).toBe('string');
  expect(response.body).not.toMatch(/at .*\.ts:\d+/); // no stack traces
  if (field) {
    const named = Object.keys(body.error.fields ?? {}).some((f) => f === field || f.startsWith(`${field}.`));
    expect(named, `${response.body} should name ${field}`).toBe(true);
  }
}

export async function expectRejectsBadInput(client: Client, c: BadInputCase): Promise<void> {
  const send = (payload: string, contentType = 'application/json') =>
    client.request({ method: c.method, url: c.url, payload, headers: { 'content-type': contentType } });

  expectError(await send('{"not json'), 'body');
  expectError(await send(JSON.stringify({ ...c.valid, [c.wrongType[0]]: c.wrongType[1] })), c.wrongType[0]);
  expectError(await send(JSON.stringify({ ...c.valid, surpriseField: 1 })), 'surpriseField');
  expectError(await send(JSON.stringify([c.valid])), 'body');
  if (c.required) {
    const { [c.required]: _removed, ...rest } = c.valid;
    expectError(await send(JSON.stringify(rest)), c.required);
  }
  const oversized = await send(JSON.stringify({ ...c.valid, padding: 'x'.repeat((c.bodyLimit ?? 256 * 1024) + 1024) }));
  expect(oversized.statusCode).toBe(413);
  expectError(oversized);
  expectError(await send('username=x', 'text/plain'));
}
