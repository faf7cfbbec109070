import { describe, expect, it } from 'vitest';
import { deriveOperationId, errorStatuses, finishDocument, type OperationFacts } from './openapi.js';

describe('operationId', () => {
  it.each([
    ['GET', '/api/hazards', 'getHazards'],
    ['GET', '/api/hazards/:id', 'getHazardsById'],
    ['POST', '/api/hazards/:id/verify', 'postHazardsByIdVerify'],
    ['PATCH', '/api/enterprises/:id', 'patchEnterprisesById'],
    ['GET', '/api/warnings/feed.atom', 'getWarningsFeedAtom'],
    ['POST', '/api/accidents/:id/chain/:recipient/confirm', 'postAccidentsByIdChainByRecipientConfirm'],
    ['GET', '/api/supervision-table/export', 'getSupervisionTableExport'],
  ])('%s %s → %s', (method, url, id) => expect(deriveOperationId(method, url)).toBe(id));

  it('two operations with one id stop the document being built, naming both', () => {
    const op = (operationId: string) => ({ operationId, responses: { 200: { description: 'ok' } } });
    expect(() => finishDocument({ paths: { '/api/a-b': { get: op('getAB') }, '/api/a/b': { get: op('getAB') } } })).toThrow(
      /getAB .*GET \/api\/a\/b.*GET \/api\/a-b/,
    );
  });
});

describe('the refusals an operation documents', () => {
  const op = { method: 'GET', url: '/api/x', hasQuery: false, inputIds: false, body: false };
  const facts = (f: Partial<OperationFacts>): OperationFacts => ({ access: 'hazard.read', ...f });
  it.each<[string, OperationFacts, typeof op, number[]]>([
    ['a public read without input: only the rate limit', facts({ access: 'public' }), op, [429]],
    ['a signed-in read: 401, and 403 of a pending password change', facts({ access: 'authenticated' }), op, [401, 403, 429]],
    ['what serves the password change is never refused for it', facts({ access: 'authenticated', duringPasswordChange: true }), op, [401, 429]],
    ['a permission read with a query', facts({}), { ...op, hasQuery: true }, [400, 401, 403, 429]],
    ['a lookup scoped by enterpriseId', facts({}), { ...op, hasQuery: true, inputIds: true }, [400, 401, 403, 404, 429]],
    ['a bulk action naming objects by id', facts({}), { ...op, method: 'POST', body: true, inputIds: true }, [400, 401, 403, 404, 409, 413, 415, 429]],
    ['an object by id', facts({}), { ...op, url: '/api/x/:id' }, [400, 401, 403, 404, 429]],
    ['an edit with a version', facts({}), { ...op, method: 'PATCH', url: '/api/x/:id', body: true }, [400, 401, 403, 404, 409, 413, 415, 429]],
    ['a workflow action', facts({}), { ...op, method: 'POST', url: '/api/x/:id/close', body: true }, [400, 401, 403, 404, 409, 413, 415, 429]],
    ['a create (a duplicate is a 409)', facts({}), { ...op, method: 'POST', body: true }, [400, 401, 403, 409, 413, 415, 429]],
    ['an upload', facts({ upload: 'a workbook' }), { ...op, method: 'POST' }, [400, 401, 403, 409, 413, 415, 429]],
    ['a write without input', facts({}), { ...op, method: 'POST', url: '/api/notifications/read-all' }, [401, 403, 409, 429]],
    ['ingestion by key', facts({ access: 'public', ingestKey: true, bodyDoc: undefined }), { ...op, method: 'POST', body: true }, [400, 401, 413, 415, 429]],
    [
      'a public sign-in with its own refusals',
      facts({ access: 'public', refuses: [401, 403] }),
      { ...op, method: 'POST', body: true },
      [400, 401, 403, 413, 415, 429],
    ],
  ])('%s', (_, f, o, expected) => expect(errorStatuses(f, o)).toEqual(expected));
});
