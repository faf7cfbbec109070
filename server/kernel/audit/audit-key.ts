import { createHmac, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../../config.js';

/**
 * The audit key: a secret the database does not hold, in a file outside the data directory
 * (TAIHANG_AUDIT_KEY_FILE). Row hashes after the switch to keyed hashing and the anchor file's
 * checkpoints are HMAC-SHA256 under keys derived from it, so someone who can only write the database
 * cannot re-hash the chain or forge a checkpoint.
 */
export class AuditKey {
  /** Names the key in the marker row and the anchor lines without revealing it. */
  readonly id: string;
  private readonly rowKey: Buffer;
  private readonly anchorKey: Buffer;
  /** Seq of the committed marker row that switched this database's chain to keyed hashing, once seen. */
  markerSeq: number | null = null;

  constructor(secret: Buffer) {
    if (secret.length < 32) throw new Error('audit key: at least 32 bytes');
    // One derived key per use, so a MAC of one kind can never be passed off as the other.
    const derive = (label: string) => createHmac('sha256', secret).update(label).digest();
    this.rowKey = derive('taihang/audit/row');
    this.anchorKey = derive('taihang/audit/anchor');
    this.id = derive('taihang/audit/key-id').toString('hex').slice(0, 16);
  }

  rowMac(body: string): string {
    return createHmac('sha256', this.rowKey).update(body).digest('hex');
  }

  anchorMac(body: string): string {
    return createHmac('sha256', this.anchorKey).update(body).digest('hex');
  }
}

/** A missing, foreign or malformed key or anchor file: a setting error that stops the start with its message. */
export class AuditKeyFileError extends ConfigError {}

function parseKeyFile(file: string, text: string): AuditKey {
  const hex = text.trim();
  if (!/^([0-9a-fA-F]{2}){32,}$/.test(hex)) {
    throw new AuditKeyFileError(`Taihang: the audit key file ${file} must hold at least 64 hex digits (e.g. from \`openssl rand -hex 32\`).`);
  }
  return new AuditKey(Buffer.from(hex, 'hex'));
}

/** Reads the key; null when the file does not exist. */
export function readAuditKey(file: string): AuditKey | null {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  const mode = fs.statSync(file).mode;
  if (mode & 0o077) console.warn(`Taihang: the audit key file ${file} is readable by others (mode ${(mode & 0o777).toString(8)}); chmod 600 it.`);
  return parseKeyFile(file, text);
}

/**
 * Creates a random key file with mode 0600, atomically: the key is written to a private temporary
 * file and linked into place, which fails if another process created the key first; that key wins.
 */
export function createAuditKey(file: string): AuditKey {
  const dir = path.dirname(file);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const fd = fs.openSync(tmp, 'wx', 0o600);
  try {
    fs.writeSync(fd, `${randomBytes(32).toString('hex')}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  try {
    fs.linkSync(tmp, file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  } finally {
    fs.unlinkSync(tmp);
  }
  syncDir(dir);
  return parseKeyFile(file, fs.readFileSync(file, 'utf8'));
}

/** Makes a new directory entry durable (a key lost in a crash would orphan the chain sealed with it). */
export function syncDir(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // Not every platform can fsync a directory; the file itself was synced.
  }
}
