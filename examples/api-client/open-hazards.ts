/**
 * A script that signs in with a bearer token and calls two operations, fully typed from the OpenAPI document.
 *   npm run api:types            # once, and after the API changes
 *   TAIHANG_URL=http://127.0.0.1:3000 TAIHANG_USER=… TAIHANG_PASSWORD=… npx tsx examples/api-client/open-hazards.ts
 * Prints the signed-in user and the open major hazards in their scope, most urgent deadline first.
 */
import createClient from 'openapi-fetch';
import type { components, paths } from './taihang-api.js';

type ErrorBody = components['schemas']['ErrorBody'];

const baseUrl = process.env.TAIHANG_URL ?? 'http://127.0.0.1:3000';
const username = process.env.TAIHANG_USER;
const password = process.env.TAIHANG_PASSWORD;
if (!username || !password) throw new Error('set TAIHANG_USER and TAIHANG_PASSWORD');

const fail = (what: string, e: ErrorBody) => new Error(`${what}: ${e.error.code} ${e.error.message}`);

// Sign in: the answer carries a session token for scripts (the web app uses the cookie instead).
const anonymous = createClient<paths>({ baseUrl, headers: { 'accept-language': 'en-US' } });
const login = await anonymous.POST('/api/auth/login', { body: { username, password } });
if (!login.data) throw fail('sign-in', login.error);

const api = createClient<paths>({ baseUrl, headers: { authorization: `Bearer ${login.data.token}`, 'accept-language': 'en-US' } });

const me = await api.GET('/api/auth/me');
if (!me.data) throw fail('me', me.error);
console.log(`${me.data.user.displayName} (${me.data.user.unitName ?? '—'}): ${me.data.permissions.length} permissions`);

const hazards = await api.GET('/api/hazards', { params: { query: { grade: 'major', status: 'open', sort: 'deadline:asc', pageSize: 50 } } });
if (!hazards.data) throw fail('hazards', hazards.error);
console.log(`${hazards.data.total} open major hazards`);
for (const h of hazards.data.items) console.log(`${h.deadline ?? '—'}  ${h.code}  ${h.enterpriseName}  ${h.title}`);
