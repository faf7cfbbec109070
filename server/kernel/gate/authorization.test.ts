import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AUTHORIZATION_DOC, generateAuthorizationTable, verdict } from '../../../scripts/authorization-table.js';
import { BUILTIN_ROLES } from '../access/builtin-roles.js';

describe('docs/authorization.md', () => {
  it('is what the code says: regenerate with `npm run docs:authorization` and review the diff', async () => {
    const generated = await generateAuthorizationTable();
    const committed = fs.existsSync(AUTHORIZATION_DOC) ? fs.readFileSync(AUTHORIZATION_DOC, 'utf8') : '';
    expect(committed, 'docs/authorization.md is out of date: run `npm run docs:authorization`').toBe(generated);
  });

  it('marks data-scoped grants as own scope and keeps the three duties apart', () => {
    const role = (key: string) => BUILTIN_ROLES.find((r) => r.key === key)!;
    expect(verdict('hazard.read', role('regulator'))).toBe('scope');
    expect(verdict('hazard.read', role('system-admin'))).toBe('—');
    expect(verdict('user.manage', role('system-admin'))).toBe('all');
    expect(verdict('audit.read', role('system-admin'))).toBe('—');
    expect(verdict('role.assign', role('system-admin'))).toBe('—');
    expect(verdict('user.manage', role('security-admin'))).toBe('—');
    expect(verdict('public', role('enterprise-worker'))).toBe('public');
  });
});
