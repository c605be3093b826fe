// Canonical URLs: the published Safe Browsing v4 examples, our two deliberate departures from
// them, and the groupings the hotline relies on (same content → same key, different → different).
import { describe, expect, it } from 'vitest';
import { canonicalizeUrl, contentKey } from './canonical-url';

// From https://developers.google.com/safe-browsing/v4/urls-hashing#canonicalization, in the
// published order. The two examples we do not follow verbatim are tested further down.
const PUBLISHED: ReadonlyArray<readonly [string, string]> = [
  ['http://host/%25%32%35', 'http://host/%25'],
  ['http://host/%25%32%35%25%32%35', 'http://host/%25%25'],
  ['http://host/%2525252525252525', 'http://host/%25'],
  ['http://host/asdf%25%32%35asd', 'http://host/asdf%25asd'],
  ['http://host/%%%25%32%35asd%%', 'http://host/%25%25%25asd%25%25'],
  ['http://www.google.com/', 'http://www.google.com/'],
  [
    'http://%31%36%38%2e%31%38%38%2e%39%39%2e%32%36/%2E%73%65%63%75%72%65/%77%77%77%2E%65%62%61%79%2E%63%6F%6D/',
    'http://168.188.99.26/.secure/www.ebay.com/',
  ],
  [
    'http://195.127.0.11/uploads/%20%20%20%20/.verify/.eBaysecure=updateuserdataxplimnbqmn-xplmvalidateinfoswqpcmlx=hgplmcx/',
    'http://195.127.0.11/uploads/%20%20%20%20/.verify/.eBaysecure=updateuserdataxplimnbqmn-xplmvalidateinfoswqpcmlx=hgplmcx/',
  ],
  [
    'http://host%23.com/%257Ea%2521b%2540c%2523d%2524e%25f%255E00%252611%252A22%252833%252944_55%252B',
    'http://host%23.com/~a!b@c%23d$e%25f^00&11*22(33)44_55+',
  ],
  ['http://3279880203/blah', 'http://195.127.0.11/blah'],
  ['http://www.google.com/blah/..', 'http://www.google.com/'],
  ['www.google.com/', 'http://www.google.com/'],
  ['www.google.com', 'http://www.google.com/'],
  ['http://www.evil.com/blah#frag', 'http://www.evil.com/blah'],
  ['http://www.GOOgle.com/', 'http://www.google.com/'],
  ['http://www.google.com.../', 'http://www.google.com/'],
  ['http://www.google.com/foo\tbar\rbaz\n2', 'http://www.google.com/foobarbaz2'],
  ['http://www.google.com/q?', 'http://www.google.com/q?'],
  ['http://www.google.com/q?r?', 'http://www.google.com/q?r?'],
  ['http://www.google.com/q?r?s', 'http://www.google.com/q?r?s'],
  ['http://evil.com/foo#bar#baz', 'http://evil.com/foo'],
  ['http://evil.com/foo;', 'http://evil.com/foo;'],
  ['http://evil.com/foo?bar;', 'http://evil.com/foo?bar;'],
  // ['http://\x01\x80.com/', 'http://%01%80.com/'] — see "departures" below.
  ['http://notrailingslash.com', 'http://notrailingslash.com/'],
  // ['http://www.gotaport.com:1234/', 'http://www.gotaport.com/'] — see "departures" below.
  ['  http://www.google.com/  ', 'http://www.google.com/'],
  ['http:// leadingspace.com/', 'http://%20leadingspace.com/'],
  ['http://%20leadingspace.com/', 'http://%20leadingspace.com/'],
  ['%20leadingspace.com/', 'http://%20leadingspace.com/'],
  ['https://www.securesite.com/', 'https://www.securesite.com/'],
  ['http://host.com/ab%23cd', 'http://host.com/ab%23cd'],
  ['http://host.com//twoslashes?more//slashes', 'http://host.com/twoslashes?more//slashes'],
];

const same = (...inputs: string[]) => {
  const forms = inputs.map(canonicalizeUrl);
  expect(forms[0]).not.toBeNull();
  for (const form of forms) expect(form).toBe(forms[0]);
};

describe('canonicalizeUrl: published Safe Browsing v4 examples', () => {
  it.each(PUBLISHED)('%j → %j', (input, expected) => {
    expect(canonicalizeUrl(input)).toBe(expected);
  });

  it('is idempotent on every published output', () => {
    for (const [, expected] of PUBLISHED) expect(canonicalizeUrl(expected)).toBe(expected);
  });
});

describe('canonicalizeUrl: departures from the published examples', () => {
  it('keeps a non-default port (published v4 output drops it; v2 kept it)', () => {
    expect(canonicalizeUrl('http://www.gotaport.com:1234/')).toBe('http://www.gotaport.com:1234/');
  });

  it('reads input as text, so "\\x80" is U+0080 (UTF-8 C2 80), not the lone byte of the C example', () => {
    expect(canonicalizeUrl('http://\x01\x80.com/')).toBe('http://%01%C2%80.com/');
    // The published byte-level behaviour, with the lone byte spelled as an escape:
    expect(canonicalizeUrl('http://\x01%80.com/')).toBe('http://%01%80.com/');
  });
});

describe('canonicalizeUrl: scheme, whitespace and fragment', () => {
  it('lower-cases and keeps the scheme', () => {
    expect(canonicalizeUrl('HTTPS://Example.com/')).toBe('https://example.com/');
    expect(canonicalizeUrl('FTP://files.example.com/a')).toBe('ftp://files.example.com/a');
    expect(canonicalizeUrl('http://example.com/')).not.toBe(canonicalizeUrl('https://example.com/'));
  });

  it('assumes http:// when there is no scheme, also before a port', () => {
    expect(canonicalizeUrl('example.com/a')).toBe('http://example.com/a');
    expect(canonicalizeUrl('localhost:8080/x')).toBe('http://localhost:8080/x');
  });

  it('accepts the slash counts browsers accept after http(s):', () => {
    same('http://example.com/a', 'http:/example.com/a', 'http:///example.com/a', 'HTTP:example.com/a');
  });

  it('removes tab, CR and LF everywhere but keeps their escapes', () => {
    expect(canonicalizeUrl('ht\ntp://exa\tmple.com/a\r\nb')).toBe('http://example.com/ab');
    expect(canonicalizeUrl('http://example.com/a%0Ab%09c%0d')).toBe('http://example.com/a%0Ab%09c%0D');
  });

  it('trims pasted whitespace, no-break spaces and a BOM at the ends only', () => {
    expect(canonicalizeUrl('\ufeff\u00a0 http://example.com/a b \u00a0\n')).toBe('http://example.com/a%20b');
  });

  it('removes the fragment at the first literal "#", never at an escaped one', () => {
    expect(canonicalizeUrl('http://example.com/a?b=1#c#d')).toBe('http://example.com/a?b=1');
    expect(canonicalizeUrl('http://example.com/a%23b#c')).toBe('http://example.com/a%23b');
    expect(canonicalizeUrl('http://example.com/?q#')).toBe('http://example.com/?q');
  });
});

describe('canonicalizeUrl: host', () => {
  it('strips leading and trailing dots and folds runs of dots', () => {
    expect(canonicalizeUrl('http://..www...Example..com../')).toBe('http://www.example.com/');
  });

  it('drops user-info', () => {
    expect(canonicalizeUrl('http://user:secret@Example.com/a')).toBe('http://example.com/a');
    expect(canonicalizeUrl('http://a@b@example.com/')).toBe('http://example.com/');
  });

  it('drops only the default port of the scheme', () => {
    expect(canonicalizeUrl('http://example.com:80/')).toBe('http://example.com/');
    expect(canonicalizeUrl('https://example.com:443/')).toBe('https://example.com/');
    expect(canonicalizeUrl('http://example.com:0080/')).toBe('http://example.com/');
    expect(canonicalizeUrl('http://example.com:/')).toBe('http://example.com/');
    expect(canonicalizeUrl('http://example.com:443/')).toBe('http://example.com:443/');
    expect(canonicalizeUrl('https://example.com:80/')).toBe('https://example.com:80/');
    expect(canonicalizeUrl('http://example.com:8080/')).toBe('http://example.com:8080/');
    expect(canonicalizeUrl('http://example.com.:8080/')).toBe('http://example.com:8080/');
  });

  it.each([
    ['http://192.168.0.1/', 'http://192.168.0.1/'],
    ['http://0300.0250.0.1/', 'http://192.168.0.1/'],
    ['http://0xc0a80001/', 'http://192.168.0.1/'],
    ['http://0XC0.0xA8.0x0.0x1/', 'http://192.168.0.1/'],
    ['http://3232235521/', 'http://192.168.0.1/'],
    ['http://192.168.1/', 'http://192.168.0.1/'],
    ['http://192.11010049/', 'http://192.168.0.1/'],
    ['http://1.2.3/', 'http://1.2.0.3/'],
    ['http://10.1/', 'http://10.0.0.1/'],
    ['http://0/', 'http://0.0.0.0/'],
    ['http://0x/', 'http://0.0.0.0/'],
    ['http://4294967295/', 'http://255.255.255.255/'],
    ['http://0x00000000000000000000000000000001/', 'http://0.0.0.1/'],
    ['http://192.168.0.1.:8080/', 'http://192.168.0.1:8080/'],
    ['http://%31%39%32%2E0250.0.1/', 'http://192.168.0.1/'],
  ])('reads %s as an IPv4 address', (input, expected) => {
    expect(canonicalizeUrl(input)).toBe(expected);
  });

  it.each([
    ['http://4294967296/', 'http://4294967296/'],
    ['http://256.1.1.1/', 'http://256.1.1.1/'],
    ['http://1.2.3.4.5/', 'http://1.2.3.4.5/'],
    ['http://08.1.1.1/', 'http://08.1.1.1/'],
    ['http://1.2.65536/', 'http://1.2.65536/'],
    ['http://0xG1.1.1.1/', 'http://0xg1.1.1.1/'],
    ['http://1.2.3.com/', 'http://1.2.3.com/'],
  ])('leaves %s as a name: inet_aton would refuse it', (input, expected) => {
    expect(canonicalizeUrl(input)).toBe(expected);
  });

  it('keeps a bracketed IPv6 literal, lower-cased, with its port', () => {
    expect(canonicalizeUrl('http://[2001:DB8::1]:8080/x')).toBe('http://[2001:db8::1]:8080/x');
    expect(canonicalizeUrl('http://[::1]/')).toBe('http://[::1]/');
  });

  it('unescapes before splitting, as the published order has it', () => {
    expect(canonicalizeUrl('http://Example.com%2Fa%3Fb')).toBe('http://example.com/a?b');
    expect(canonicalizeUrl('http://trusted.example%40evil.example/')).toBe('http://evil.example/');
  });
});

describe('canonicalizeUrl: path and query', () => {
  it.each([
    ['http://example.com/a/b/../c', 'http://example.com/a/c'],
    ['http://example.com/a/./b/.', 'http://example.com/a/b/'],
    ['http://example.com/a/b/..', 'http://example.com/a/'],
    ['http://example.com/../../a', 'http://example.com/a'],
    ['http://example.com/a//../b', 'http://example.com/b'],
    ['http://example.com///a////b//', 'http://example.com/a/b/'],
    ['http://example.com/a/%2E%2E/b', 'http://example.com/b'],
    ['http://example.com/a..b/.c/..d', 'http://example.com/a..b/.c/..d'],
    ['http://example.com', 'http://example.com/'],
    ['http://example.com?q=1', 'http://example.com/?q=1'],
  ])('%s → %s', (input, expected) => {
    expect(canonicalizeUrl(input)).toBe(expected);
  });

  it('leaves the query alone apart from unescaping and escaping', () => {
    expect(canonicalizeUrl('http://example.com/a?x=/../b//c/./d&y=%2541')).toBe(
      'http://example.com/a?x=/../b//c/./d&y=A',
    );
    expect(canonicalizeUrl('http://example.com/a?')).toBe('http://example.com/a?');
    expect(canonicalizeUrl('http://example.com/a')).not.toBe(canonicalizeUrl('http://example.com/a?'));
  });

  it('escapes controls, space, DEL, "#", "%" and non-ASCII bytes with upper-case hex, and nothing else', () => {
    expect(canonicalizeUrl('http://example.com/ a%7fb%ffc%00d%23e%25f')).toBe(
      'http://example.com/%20a%7Fb%FFc%00d%23e%25f',
    );
    expect(canonicalizeUrl("http://example.com/~!$&'()*+,;=:@[]{}|^`\"<>\\")).toBe(
      "http://example.com/~!$&'()*+,;=:@[]{}|^`\"<>\\",
    );
    expect(canonicalizeUrl('http://example.com/%e2%82%ac')).toBe('http://example.com/%E2%82%AC');
  });

  it('treats a lone or malformed "%" as a literal', () => {
    expect(canonicalizeUrl('http://example.com/100%')).toBe('http://example.com/100%25');
    expect(canonicalizeUrl('http://example.com/%zz%4')).toBe('http://example.com/%25zz%254');
  });

  it('unescapes deep nesting in linear time', () => {
    const input = `http://example.com/${'%25'.repeat(1)}${'25'.repeat(200_000)}41`;
    const started = performance.now();
    expect(canonicalizeUrl(input)).toBe('http://example.com/A');
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

describe('canonicalizeUrl: Cyrillic and other non-ASCII', () => {
  // Per the module header: the host is lower-cased and escaped as UTF-8 bytes, not Punycoded.
  const CANONICAL =
    'http://%D0%BF%D1%80%D0%B8%D0%BC%D0%B5%D1%80.%D1%81%D1%80%D0%B1/%D0%9F%D1%83%D1%82%D0%B0%D1%9A%D0%B0?%D1%83%D0%BF%D0%B8%D1%82=%D0%B4%D0%B0';

  it('lower-cases a Cyrillic host, keeps the path case, and escapes both as UTF-8', () => {
    expect(canonicalizeUrl('http://ПРИМЕР.СРБ/Путања?упит=да')).toBe(CANONICAL);
  });

  it('groups the typed, the escaped and the upper-case-escaped spellings', () => {
    same(
      'http://ПРИМЕР.СРБ/Путања?упит=да',
      'пример.срб/Путања?упит=да#одељак',
      'http://%D0%9F%D0%A0%D0%98%D0%9C%D0%95%D0%A0.%D0%A1%D0%A0%D0%91/%D0%9F%D1%83%D1%82%D0%B0%D1%9A%D0%B0?%D1%83%D0%BF%D0%B8%D1%82=%D0%B4%D0%B0',
      'http://%d0%bf%d1%80%d0%b8%d0%bc%d0%b5%d1%80.%d1%81%d1%80%d0%b1:80/%D0%9F%D1%83%D1%82%D0%B0%D1%9A%D0%B0?%D1%83%D0%BF%D0%B8%D1%82=%D0%B4%D0%B0',
    );
    expect(canonicalizeUrl('http://пример.срб/путања')).not.toBe(canonicalizeUrl('http://пример.срб/Путања'));
  });

  it('does not group with the Punycode spelling (a documented cost of not Punycoding)', () => {
    expect(canonicalizeUrl('http://xn--e1afmkfd.xn--90a3ac/')).toBe('http://xn--e1afmkfd.xn--90a3ac/');
    expect(canonicalizeUrl('http://пример.срб/')).not.toBe(canonicalizeUrl('http://xn--e1afmkfd.xn--90a3ac/'));
  });

  it('lower-cases Serbian Latin letters in the host', () => {
    expect(canonicalizeUrl('http://ŠKOLA-ĐAK.rs/Č')).toBe('http://%C5%A1kola-%C4%91ak.rs/%C4%8C');
  });

  it('lower-cases only ASCII in a host that is not UTF-8', () => {
    expect(canonicalizeUrl('http://AB%C0%FF.com/')).toBe('http://ab%C0%FF.com/');
  });
});

describe('canonicalizeUrl: groups the same content', () => {
  it.each([
    ['host case', ['http://EXAMPLE.com/a', 'http://example.COM/a', 'http://Example.Com/a']],
    ['http default port', ['http://example.com/a', 'http://example.com:80/a']],
    ['https default port', ['https://example.com/a', 'https://example.com:443/a']],
    ['fragment', ['http://example.com/a', 'http://example.com/a#top', 'http://example.com/a#']],
    ['dot segments', ['http://example.com/a/b', 'http://example.com/a/./b', 'http://example.com/a/x/../b', 'http://example.com/./a/c/../b']],
    ['escaped unreserved characters', ['http://example.com/a~b-c', 'http://example.com/%61%7Eb%2Dc', 'http://example.com/%61%7eb%2dc', 'http://%65xample.com/a~b-c']],
    ['trailing dots', ['http://example.com/a', 'http://example.com./a', 'http://example.com.../a']],
    ['missing scheme and slash', ['http://example.com/', 'example.com', 'example.com/', 'HTTP://example.com']],
    ['user-info', ['http://example.com/a', 'http://someone@example.com/a', 'http://someone:pw@example.com/a']],
    ['double slashes', ['http://example.com/a/b', 'http://example.com//a///b']],
    ['surrounding whitespace and line breaks', ['http://example.com/a', '  http://example.com/a\n', 'http://exam\nple.com/a']],
    ['IPv4 spellings', ['http://195.127.0.11/x', 'http://3279880203/x', 'http://0xc37f000b/x', 'http://0303.0177.0.013/x', 'http://195.127.11/x']],
  ])('%s', (_name, inputs) => {
    same(...inputs);
  });

  it('keeps different content apart', () => {
    const distinct = [
      'http://example.com/a',
      'http://example.com/A',
      'http://example.com/b',
      'http://example.com/a/',
      'http://example.com/a?x=1',
      'http://example.com/a?x=2',
      'http://example.com/a?',
      'https://example.com/a',
      'http://example.com:8080/a',
      'http://www.example.com/a',
      'http://example.org/a',
    ].map(canonicalizeUrl);
    expect(distinct).not.toContain(null);
    expect(new Set(distinct).size).toBe(distinct.length);
  });
});

describe('canonicalizeUrl: not a URL', () => {
  it.each([
    '',
    '   ',
    '\t\r\n',
    'http://',
    'https:///',
    'http://?q',
    'http:///',
    '#frag',
    'http://.../',
    'http://user:pw@/',
    'http://:8080/',
    'http://example.com:99999/',
    'http://example.com:8o/',
    'http://[::1/',
    'http://[::1]x/',
    'mailto:someone@example.com',
    'javascript:alert(1)',
    'data:text/html,<b>x</b>',
  ])('%j → null', (input) => {
    expect(canonicalizeUrl(input)).toBeNull();
  });
});

describe('contentKey', () => {
  it('is the hex SHA-256 of the canonical form', () => {
    expect(contentKey('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('is stable, 64 lower-case hex characters, and equal for equal content', () => {
    const a = canonicalizeUrl('http://Example.com:80/a/./b#x');
    const b = canonicalizeUrl('example.com/a/b');
    expect(a).not.toBeNull();
    const key = contentKey(a ?? '');
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(contentKey(a ?? '')).toBe(key);
    expect(contentKey(b ?? '')).toBe(key);
    expect(contentKey('http://example.com/a/c')).not.toBe(key);
  });
});
