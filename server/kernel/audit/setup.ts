import type { Db } from '../../db/client.js';
import { anchorChain } from './anchor.js';
import { AuditKeyMismatchError, findMarker, sealAuditChain } from './audit.js';
import { type AuditKey, AuditKeyFileError, createAuditKey, readAuditKey } from './audit-key.js';

export interface AuditFiles {
  keyFile: string;
  anchorFile: string;
}

/**
 * Start-up: the key exists (created at the first start, never when the chain is already keyed),
 * belongs to this database's chain, the chain is switched to keyed hashes, and the anchor file is
 * this chain's. Each failure is a configuration error that stops the start with the file's name.
 */
export async function prepareAuditChain(db: Db, files: AuditFiles, now: Date): Promise<AuditKey> {
  let key = readAuditKey(files.keyFile);
  const marker = await findMarker(db);
  if (!key) {
    if (marker) {
      throw new AuditKeyFileError(
        `Taihang: the audit key file ${files.keyFile} does not exist, but this database's audit chain is keyed (key ${marker.keyId}). ` +
          'Restore the key file from its backup or set TAIHANG_AUDIT_KEY_FILE to it (docs/operations.md); a new key would break the chain.',
      );
    }
    key = createAuditKey(files.keyFile);
    console.log(`Audit key created: ${files.keyFile} (back it up apart from the database; docs/operations.md)`);
  }
  if (marker && marker.keyId !== key.id) throw new AuditKeyFileError(new AuditKeyMismatchError(marker.keyId, key.id).message);
  const sealed = marker ?? (await sealAuditChain(db, key, now));
  const chain = anchorChain(files.anchorFile, key);
  if (chain && chain !== sealed.hash) {
    throw new AuditKeyFileError(
      `Taihang: the audit anchor file ${files.anchorFile} belongs to another audit chain (another database). ` +
        'Set TAIHANG_AUDIT_ANCHOR_FILE to this database’s anchor file; if this database was replaced on purpose, keep the old file as evidence and move it aside.',
    );
  }
  return key;
}

/** The key for a process after start-up (prepareAuditChain created it if needed). */
export function requireAuditKey(keyFile: string): AuditKey {
  const key = readAuditKey(keyFile);
  if (!key) throw new AuditKeyFileError(`Taihang: the audit key file ${keyFile} does not exist (TAIHANG_AUDIT_KEY_FILE).`);
  return key;
}
