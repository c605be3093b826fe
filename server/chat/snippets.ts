// Prepared advice the counsellor can send in a chat with one click, in the visitor's
// language (Serbian written once in Cyrillic; Latin is generated). Kept as data beside the
// code; the centre's own wording replaces these after review.
import { toLatin } from '../../common/i18n/translit';
import type { Language } from '../../common/roles';

interface Snippet {
  id: string;
  sr: { title: string; body: string };
  en: { title: string; body: string };
}

const SNIPPETS: Snippet[] = [
  {
    id: 'greeting',
    sr: { title: 'Поздрав', body: 'Здраво! Овде саветник Националног контакт центра. Драго ми је што си нам се јавио/ла. Реци ми шта се десило — имамо времена.' },
    en: { title: 'Greeting', body: 'Hello! This is a counsellor at the National Contact Centre. I am glad you got in touch. Tell me what happened — we have time.' },
  },
  {
    id: 'not-your-fault',
    sr: { title: 'Ниси крив/а', body: 'Шта год да се десило, ниси ти крив/а. Добро је што о томе причаш.' },
    en: { title: 'Not your fault', body: 'Whatever happened, it is not your fault. It is good that you are talking about it.' },
  },
  {
    id: 'keep-evidence',
    sr: { title: 'Сачувај доказе', body: 'Немој да бришеш поруке. Направи снимке екрана (са датумом и именом профила) и сачувај их — могу бити потребни ако пријавимо случај.' },
    en: { title: 'Keep evidence', body: 'Do not delete the messages. Take screenshots (with the date and the profile name) and keep them — they may be needed if we report the case.' },
  },
  {
    id: 'do-not-pay',
    sr: { title: 'Не плаћај, не шаљи више', body: 'Не плаћај и не шаљи ништа више особи која ти прети. Прекини контакт, блокирај је тек пошто сачуваш доказе, и пријави профил платформи.' },
    en: { title: 'Do not pay, send nothing more', body: 'Do not pay and do not send anything more to the person threatening you. Stop contact, block them only after saving evidence, and report the profile to the platform.' },
  },
  {
    id: 'trusted-adult',
    sr: { title: 'Одрасла особа од поверења', body: 'Да ли постоји одрасла особа којој верујеш — родитељ, наставник, школски психолог? Можемо заједно да смислимо како да јој кажеш.' },
    en: { title: 'A trusted adult', body: 'Is there an adult you trust — a parent, a teacher, the school psychologist? We can work out together how to tell them.' },
  },
  {
    id: 'report-form',
    sr: { title: 'Пријава садржаја', body: 'Садржај можеш да пријавиш и анонимно, на нашем обрасцу: /report' },
    en: { title: 'Reporting content', body: 'You can also report the content anonymously, on our form: /report' },
  },
  {
    id: 'call-19833',
    sr: { title: 'Позови 19833', body: 'Ако ти је лакше да причаш, позови бесплатни број 19833 (радним данима).' },
    en: { title: 'Call 19833', body: 'If it is easier to talk, call the free number 19833 (on working days).' },
  },
  {
    id: 'danger',
    sr: { title: 'Хитна опасност', body: 'Ако си у непосредној опасности, одмах позови полицију на 192 или хитну помоћ на 194.' },
    en: { title: 'Immediate danger', body: 'If you are in immediate danger, call the police on 192 or an ambulance on 194 now.' },
  },
  {
    id: 'closing',
    sr: { title: 'Завршетак', body: 'Хвала ти што си нам писао/ла. Можеш да нам се јавиш поново кад год ти затреба. Чувај се!' },
    en: { title: 'Closing', body: 'Thank you for writing to us. You can get in touch again whenever you need. Take care!' },
  },
];

export function chatSnippets(language: Language) {
  return SNIPPETS.map((s) => {
    const text = language === 'en' ? s.en : s.sr;
    const latin = language === 'sr-Latn';
    return { id: s.id, title: latin ? toLatin(text.title) : text.title, body: latin ? toLatin(text.body) : text.body };
  });
}
