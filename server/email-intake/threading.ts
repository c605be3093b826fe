// What decides which conversation an e-mail belongs to, and how it is described: subjects
// without their reply prefixes, Message-IDs, the correspondent's key, the language guess.
import type { Keys } from '../security/keys';
import { keyedHash } from '../security/keys';

/** A new message with the same correspondent and subject joins a thread this recent. */
export const SUBJECT_THREAD_DAYS = 30;

// Re:, Fw:, Fwd:, Odg: (Serbian Latin), Одг:/Одговор: (Cyrillic), Tr:, Aw:, Wg:, Sv:, and
// numbered or bracketed forms (Re[2]:, [Re]:) — repeated, in any case.
const PREFIX = /^\s*(?:\[\s*)?(?:re|fw|fwd|odg|одг|одговор|прос|tr|aw|wg|sv|vs)\s*(?:\[\d+\]|\(\d+\))?\s*(?:\])?\s*:\s*/iu;

/** The subject without reply and forward prefixes, whitespace collapsed. */
export function baseSubject(subject: string): string {
  let s = subject.replace(/\s+/g, ' ').trim();
  for (let i = 0; i < 20; i++) {
    const next = s.replace(PREFIX, '');
    if (next === s) break;
    s = next.trim();
  }
  return s;
}

/** For comparing subjects: the base subject in lower case. */
export function subjectKey(subject: string): string {
  return baseSubject(subject).toLocaleLowerCase('sr');
}

const MESSAGE_ID = /<[^<>\s]+@[^<>\s]+>/g;

/** Message-IDs as they appear in In-Reply-To and References (angle brackets kept). */
export function messageIdsIn(value: string | string[] | undefined | null): string[] {
  if (!value) return [];
  const text = Array.isArray(value) ? value.join(' ') : value;
  return [...new Set(text.match(MESSAGE_ID) ?? [])].filter((id) => id.length <= 998);
}

/** One Message-ID, or null if the header does not hold a usable one. */
export function firstMessageId(value: string | undefined | null): string | null {
  return messageIdsIn(value)[0] ?? null;
}

export const normaliseAddress = (address: string) => address.trim().toLowerCase();

/** The thread's key for a correspondent: recognisable, not readable. */
export function correspondentKey(keys: Keys, address: string): string {
  return keyedHash(keys, 'email-correspondent', normaliseAddress(address));
}

/** The key the helpline uses for repeat callers (the contact module's 'caller' purpose). */
export function callerKey(keys: Keys, address: string): string {
  return keyedHash(keys, 'caller', normaliseAddress(address));
}

const ENGLISH_WORDS = new Set(
  'the and you your is are was my to of have has help please hello hi dear thank thanks what how can could would this that it with for not'.split(' '),
);
const SERBIAN_WORDS = new Set(
  'je i da se na u sam si smo ne mi me ti te kako sta što sto ali ili za od do pomoc pomoć molim zdravo hvala mene moj moja treba ima nije'.split(' '),
);

/**
 * The contact's language from the text: Cyrillic means Serbian; Latin text that reads as
 * English is English; anything else is taken for Serbian (stored as sr-Cyrl, the console
 * shows it in the counsellor's script).
 */
export function guessLanguage(text: string): 'sr-Cyrl' | 'en' {
  if (/[\u0400-\u04FF]/.test(text)) return 'sr-Cyrl';
  if (/[čćšžđČĆŠŽĐ]/.test(text)) return 'sr-Cyrl';
  let english = 0;
  let serbian = 0;
  for (const word of text.toLowerCase().slice(0, 5000).split(/[^a-zšđčćž']+/u)) {
    if (ENGLISH_WORDS.has(word)) english++;
    if (SERBIAN_WORDS.has(word)) serbian++;
  }
  return english >= 2 && english > serbian ? 'en' : 'sr-Cyrl';
}
