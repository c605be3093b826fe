// Canonical form of reported URLs, so that many reports of the same content group together,
// and the content key (SHA-256 of that form) the hotline groups and looks them up by.
// The rules are Google Safe Browsing v4's "URLs and Hashing" canonicalisation
// (https://developers.google.com/safe-browsing/v4/urls-hashing#canonicalization), with two
// deliberate departures, both so that reports of different content stay apart:
//  - a non-default port is kept (the published v4 examples drop every port, because Safe
//    Browsing hashes only host and path; a different port can be a different server);
//  - an internationalised host is lower-cased and its UTF-8 bytes percent-escaped, not
//    converted to Punycode as the published text asks: that needs IDNA mapping tables whose
//    results differ between implementations and Unicode versions, and a key must not move.
//    The cost: a report of the "xn--" spelling does not group with the Unicode spelling.
// WHATWG `new URL()` is not used: it decodes and re-encodes differently (e.g. it never
// unescapes repeatedly and rejects hosts Safe Browsing keeps), so the parsing here is our own.
import { createHash } from 'node:crypto';
import { TextDecoder } from 'node:util';

const DEFAULT_PORTS: Readonly<Record<string, number>> = { http: 80, https: 443 };

export function canonicalizeUrl(input: string): string | null {
  const cleaned = trimEnds(input.replace(/[\t\r\n]/g, ''));
  // Everything below works on a "byte string" (one char per UTF-8 byte, 0-255), because
  // percent-unescaping yields bytes, and "%D0%BF" and "п" must end up the same.
  let url = Buffer.from(cleaned, 'utf8').toString('latin1');
  const hash = url.indexOf('#');
  if (hash >= 0) url = url.slice(0, hash);
  if (url === '') return null;

  let scheme = 'http';
  let rest = url;
  // Browsers accept "http:/host" and "http:///host"; reporters paste what browsers accept.
  const web = /^(https?):\/*/i.exec(url) ?? /^([a-z][a-z0-9+.-]*):\/\//i.exec(url);
  if (web?.[1] !== undefined) {
    scheme = web[1].toLowerCase();
    rest = url.slice(web[0].length);
  } else if (/^[a-z][a-z0-9+.-]*:(?![0-9]*(?:[/?]|$))/i.test(url)) {
    // "mailto:", "javascript:", "data:": no host, so nothing to group by. ("host:8080/x" is a
    // port, not a scheme, hence the look-ahead.)
    return null;
  }

  // Unescaping comes before splitting into parts, as the published order has it: a canonical
  // form then parses back into the same parts, so canonicalising it again changes nothing.
  rest = percentUnescape(rest);
  const authorityEnd = rest.search(/[/?]/);
  const authority = authorityEnd < 0 ? rest : rest.slice(0, authorityEnd);
  const pathAndQuery = authorityEnd < 0 ? '' : rest.slice(authorityEnd);
  const queryStart = pathAndQuery.indexOf('?');
  const rawPath = queryStart < 0 ? pathAndQuery : pathAndQuery.slice(0, queryStart);
  // A bare trailing "?" is kept: the published examples keep "http://www.google.com/q?".
  const query = queryStart < 0 ? '' : pathAndQuery.slice(queryStart);

  // User-info never identifies content, and it can carry a reporter's or victim's password.
  const hostAndPort = authority.slice(authority.lastIndexOf('@') + 1);
  const split = splitPort(hostAndPort);
  if (split === null) return null;
  const host = canonicalHost(split.host);
  if (host === null) return null;
  const port = split.port === null || split.port === DEFAULT_PORTS[scheme] ? '' : `:${split.port}`;

  return escapeBytes(`${scheme}://${host}${port}${canonicalPath(rawPath)}${query}`);
}

export function contentKey(canonical: string): string {
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

// Pasted URLs arrive wrapped in spaces, no-break spaces, BOMs and stray control characters.
function trimEnds(s: string): string {
  const junk = (c: string) => c <= ' ' || /\s/.test(c) || c === '\ufeff';
  let start = 0;
  let end = s.length;
  while (start < end && junk(s.charAt(start))) start++;
  while (end > start && junk(s.charAt(end - 1))) end--;
  return s.slice(start, end);
}

function hexValue(byte: number | undefined): number {
  if (byte === undefined) return -1;
  if (byte >= 0x30 && byte <= 0x39) return byte - 0x30;
  const lower = byte | 0x20;
  return lower >= 0x61 && lower <= 0x66 ? lower - 0x61 + 10 : -1;
}

// Unescapes until no "%XX" remains, in one linear pass rather than the naive
// decode-until-unchanged loop, which is quadratic on "%25252525…" (a cheap denial of service).
// Escapes cannot overlap (hex digits are never '%'), so the result does not depend on order.
function percentUnescape(s: string): string {
  const out = new Uint8Array(s.length);
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    out[n++] = s.charCodeAt(i);
    // A decoded byte can complete an escape with what came before it: "%%32%35" → "%25" → "%".
    while (n >= 3 && out[n - 3] === 0x25) {
      const high = hexValue(out[n - 2]);
      const low = hexValue(out[n - 1]);
      if (high < 0 || low < 0) break;
      n -= 2;
      out[n - 1] = high * 16 + low;
    }
  }
  return Buffer.from(out.subarray(0, n)).toString('latin1');
}

function splitPort(hostAndPort: string): { host: string; port: number | null } | null {
  // An IPv6 literal contains colons of its own.
  const hostEnd = hostAndPort.startsWith('[') ? hostAndPort.indexOf(']') + 1 : 0;
  if (hostAndPort.startsWith('[') && hostEnd === 0) return null;
  const colon = hostAndPort.indexOf(':', hostEnd);
  if (hostEnd > 0 && colon !== hostEnd && hostEnd !== hostAndPort.length) return null;
  if (colon < 0) return { host: hostAndPort, port: null };
  const digits = hostAndPort.slice(colon + 1);
  if (!/^[0-9]*$/.test(digits)) return null;
  const port = digits === '' ? null : Number.parseInt(digits, 10);
  if (port !== null && port > 65535) return null;
  return { host: hostAndPort.slice(0, colon), port };
}

function canonicalHost(raw: string): string | null {
  const host = raw.replace(/^\.+|\.+$/g, '').replace(/\.{2,}/g, '.');
  if (host === '') return null;
  return parseIPv4(host) ?? lowerCase(host);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

// Unicode-aware when the bytes are UTF-8, so "ПРИМЕР.СРБ" and "пример.срб" group; otherwise
// only ASCII letters, since other bytes have no case we could know.
function lowerCase(bytes: string): string {
  try {
    const text = utf8.decode(Buffer.from(bytes, 'latin1'));
    return Buffer.from(text.toLowerCase(), 'utf8').toString('latin1');
  } catch {
    return bytes.replace(/[A-Z]/g, (c) => c.toLowerCase());
  }
}

// inet_aton's reading: each part decimal, octal (leading 0) or hex (0x); the last part fills
// the remaining bytes, so "3279880203", "0xc37f000b", "195.127.11" and "0303.0177.0.013"
// are all 195.127.0.11, the way the address is actually reached.
function parseIPv4(host: string): string | null {
  const parts = host.split('.');
  if (parts.length > 4) return null;
  const values: bigint[] = [];
  for (const part of parts) {
    const value = parseInetNumber(part);
    if (value === null) return null;
    values.push(value);
  }
  const last = values.pop() ?? 0n;
  if (values.some((v) => v > 255n) || last >= 256n ** BigInt(4 - values.length)) return null;
  const address = values.reduce((acc, v, i) => acc | (v << BigInt(24 - 8 * i)), last);
  return [24n, 16n, 8n, 0n].map((shift) => String((address >> shift) & 255n)).join('.');
}

function parseInetNumber(part: string): bigint | null {
  if (/^0x[0-9a-f]*$/i.test(part)) return part.length === 2 ? 0n : BigInt(`0x${part.slice(2)}`);
  if (/^0[0-7]*$/.test(part)) return BigInt(`0o${part}`);
  if (/^[1-9][0-9]*$/.test(part)) return BigInt(part);
  return null;
}

// Dot segments are resolved after runs of slashes collapse, so "/a//../b" is "/b": servers
// that fold slashes serve the same content for both spellings.
function canonicalPath(raw: string): string {
  const segments = `/${raw}`.replace(/\/{2,}/g, '/').split('/').slice(1);
  const kept: string[] = [];
  segments.forEach((segment, i) => {
    if (segment !== '.' && segment !== '..') {
      kept.push(segment);
      return;
    }
    if (segment === '..') kept.pop();
    // "/a/.." names the directory "/", so the trailing slash stays.
    if (i === segments.length - 1) kept.push('');
  });
  return `/${kept.join('/')}`;
}

function escapeBytes(bytes: string): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes.charCodeAt(i);
    out +=
      byte <= 0x20 || byte >= 0x7f || byte === 0x23 || byte === 0x25
        ? `%${byte.toString(16).toUpperCase().padStart(2, '0')}`
        : bytes.charAt(i);
  }
  return out;
}
