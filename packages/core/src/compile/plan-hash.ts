import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { canonicalJson } from './canonical-json.js';

/** The content hash of a plan: comments and layout don't change it; any change of meaning does. */
export function planHash(planWithoutHash: unknown): string {
  return `sha256:${bytesToHex(sha256(utf8ToBytes(canonicalJson(planWithoutHash))))}`;
}
