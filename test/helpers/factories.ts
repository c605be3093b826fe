// Builds records for tests straight through the database, and signs people in through the API.
import { generate } from 'otplib';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { AppContext } from '../../server/context';
import type { Role } from '../../common/roles';
import { hashPassword } from '../../server/auth/passwords';
import { encryptField } from '../../server/security/keys';
import { newTotpSecret } from '../../server/auth/totp';

let counter = 0;
export const TEST_PASSWORD = 'correct horse battery staple';

export interface TestUser {
  id: string;
  username: string;
  password: string;
  roles: Role[];
  institutionId: string | null;
  totpSecret: string | null;
}

export async function institutionId(ctx: AppContext, code: string): Promise<string> {
  const row = await ctx.db.selectFrom('institutions').select('id').where('code', '=', code).executeTakeFirstOrThrow();
  return row.id;
}

export async function createUser(
  ctx: AppContext,
  options: { roles: Role[]; institution?: string; withTotp?: boolean; isDemo?: boolean; mustChangePassword?: boolean; username?: string } ,
): Promise<TestUser> {
  counter++;
  const username = options.username ?? `${options.roles[0]}-${counter}-${Math.random().toString(36).slice(2, 6)}`;
  const instId = options.institution
    ? await institutionId(ctx, options.institution)
    : options.roles.includes('institution-contact')
      ? await institutionId(ctx, 'vtk-prosecutor')
      : null;
  const totpSecret = options.withTotp === false ? null : newTotpSecret();
  const row = await ctx.db
    .insertInto('users')
    .values({
      username,
      displayName: `Тест ${counter}`,
      email: null,
      passwordHash: await hashPassword(TEST_PASSWORD),
      roles: options.roles,
      institutionId: instId,
      language: 'sr-Cyrl',
      isDemo: options.isDemo ?? false,
      mustChangePassword: options.mustChangePassword ?? false,
      totpSecretEnc: totpSecret ? encryptField(ctx.keys, totpSecret) : null,
      totpEnabledAt: totpSecret ? new Date() : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, username, password: TEST_PASSWORD, roles: options.roles, institutionId: instId, totpSecret };
}

/** A signed-in HTTP client: carries the session cookie and the CSRF token like the console does. */
export interface Client {
  csrfToken: string;
  cookie: string;
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
}

export function sessionCookieFrom(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((c) => c.name === 'bezbedno_session');
  if (!cookie) throw new Error(`No session cookie (status ${response.statusCode}: ${response.body})`);
  return `bezbedno_session=${cookie.value}`;
}

export function clientFor(app: FastifyInstance, cookie: string, csrfToken: string): Client {
  const request = (options: InjectOptions) =>
    app.inject({ ...options, headers: { cookie, 'x-csrf-token': csrfToken, ...(options.headers ?? {}) } });
  return {
    csrfToken,
    cookie,
    request,
    get: (url) => request({ method: 'GET', url }),
    post: (url, payload) => request({ method: 'POST', url, ...(payload === undefined ? {} : { payload: payload as object }) }),
    patch: (url, payload) => request({ method: 'PATCH', url, payload: payload as object }),
    put: (url, payload) => request({ method: 'PUT', url, payload: payload as object }),
    delete: (url) => request({ method: 'DELETE', url }),
  };
}

export async function currentOtp(secret: string, offsetSeconds = 0): Promise<string> {
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) + offsetSeconds });
}

export async function signIn(app: FastifyInstance, user: TestUser): Promise<Client> {
  const otp = user.totpSecret ? await currentOtp(user.totpSecret) : undefined;
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/session',
    payload: { username: user.username, password: user.password, ...(otp ? { otp } : {}) },
  });
  if (response.statusCode !== 200) throw new Error(`Sign-in failed: ${response.statusCode} ${response.body}`);
  return clientFor(app, sessionCookieFrom(response), response.json().csrfToken);
}

export async function signInAs(ctx: AppContext, app: FastifyInstance, roles: Role[], institution?: string) {
  const user = await createUser(ctx, { roles, ...(institution ? { institution } : {}) });
  return { user, client: await signIn(app, user) };
}
