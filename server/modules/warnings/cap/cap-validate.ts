import { readFileSync } from 'node:fs';
import { validateXML } from 'xmllint-wasm';

/**
 * XSD validation against the OASIS CAP 1.2 schema (cap/CAP-v1.2-schema.xsd), by libxml2 compiled to
 * WebAssembly (npm `xmllint-wasm`): no Java, no native addon, runs on Node 20.
 */
let schema: string | undefined;
const xsd = () => (schema ??= readFileSync(new URL('./CAP-v1.2-schema.xsd', import.meta.url), 'utf8'));

export interface CapValidation {
  valid: boolean;
  /** Human-readable reasons naming the line and the element, e.g. "line 16: Element '…audience': This element is not expected. …". */
  errors: string[];
}

const MAX_BYTES = 2 * 1024 * 1024;

export async function validateCap(xml: string): Promise<CapValidation> {
  if (!xml.trim()) return { valid: false, errors: ['the file is empty'] };
  if (Buffer.byteLength(xml) > MAX_BYTES) return { valid: false, errors: ['the file is larger than 2 MB'] };
  const r = await validateXML({ xml: [{ fileName: 'message.xml', contents: xml }], schema: [{ fileName: 'CAP-v1.2-schema.xsd', contents: xsd() }] });
  if (r.valid) return { valid: true, errors: [] };
  const errors = r.errors.map((e) => {
    const line = e.loc?.lineNumber;
    const msg = e.message.replace(/^Schemas validity error : /, '').replace(/\{urn:oasis:names:tc:emergency:cap:1\.2\}/g, 'cap:');
    return line ? `line ${line}: ${msg}` : msg;
  });
  return { valid: false, errors: errors.length ? errors : ['the document does not validate against the CAP 1.2 schema'] };
}
