// The permission matrix as a reusable check: every role against every action, allowed and
// refused, through the HTTP layer, plus the same action with nobody signed in (401). The
// central matrix is server/permissions.test.ts; features with their own fixtures add theirs
// beside their code with the same rows.
import { expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ROLES, type Role } from '../../common/roles';
import type { Client } from './factories';

export type Expect = Partial<Record<Role, number>> & { otherwise: number };
export interface MatrixAction {
  name: string;
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: () => string;
  body?: () => object;
  expect: Expect;
}

export const everyone = (status: number): Expect => ({ otherwise: status });

/** Declares one `it` per role and action. `clients` and `app` are read when the tests run. */
export function matrixTests(actions: MatrixAction[], clients: () => Map<Role, Client>, app: () => FastifyInstance): void {
  for (const action of actions) {
    for (const role of ROLES) {
      const expected = action.expect[role] ?? action.expect.otherwise;
      it(`${role} ${expected < 300 ? 'may' : 'may not'} ${action.name} (${expected})`, async () => {
        const response = await clients().get(role)!.request({
          method: action.method,
          url: action.url(),
          ...(action.body ? { payload: action.body() } : {}),
        });
        expect(response.statusCode, response.body).toBe(expected);
        if (expected >= 400) expect(response.json().error.code).toMatch(/forbidden|not_found/);
      });
    }
    it(`nobody signed in may ${action.name} (401)`, async () => {
      const response = await app().inject({ method: action.method, url: action.url(), ...(action.body ? { payload: action.body() } : {}) });
      expect(response.statusCode).toBe(401);
    });
  }
}
