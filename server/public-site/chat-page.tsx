// The public chat page. The conversation itself needs JavaScript (assets/chat.js over a
// WebSocket); without it the page says so and gives the phone number and e-mail instead.
// Outside opening hours it says when the chat is back and offers the report form and advice.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context';
import { CHAT_AGE_GROUPS } from '../../common/helpline';
import { LANGUAGES, LANGUAGE_NAMES, type Language } from '../../common/i18n/index';
import { getSettings } from '../settings/settings';
import { chatHours } from '../chat/hours';
import { renderPage, type PageContext } from './layout';
import { pageContext, sendHtml } from './routes';

const LOCALES: Record<Language, string> = { 'sr-Cyrl': 'sr-Cyrl-RS', 'sr-Latn': 'sr-Latn-RS', en: 'en-GB' };

export function formatWhen(date: Date, language: Language): string {
  return new Intl.DateTimeFormat(LOCALES[language], { timeZone: 'Europe/Belgrade', weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' }).format(date);
}

/** The texts chat.js shows, in the page's language (read from a data attribute, no inline script). */
function clientMessages(page: PageContext, centreEmail: string) {
  const keys = ['waiting', 'waitingFirst', 'active', 'ended', 'reconnecting', 'connected', 'you', 'counsellor', 'system', 'pending', 'typing', 'endConfirm', 'slowDown', 'notSent', 'startFailed', 'closedNow', 'tooMany', 'starting'] as const;
  return Object.fromEntries(keys.map((k) => [k, page.t(`public.chat.${k}`, { phone: page.helplinePhone, email: centreEmail, ahead: '{{ahead}}', message: '{{message}}' })]));
}

function ChatClosed({ page, opensAt, centreEmail }: { page: PageContext; opensAt: Date | null; centreEmail: string }) {
  const { t } = page;
  return (
    <section aria-labelledby="chat-closed" className="chat-closed">
      <h2 id="chat-closed">{t('public.chat.closed')}</h2>
      <p>{opensAt ? t('public.chat.opensAt', { when: formatWhen(opensAt, page.language) }) : t('public.chat.closedNoTime')}</p>
      <p>{t('public.chat.meanwhile')}</p>
      <OtherWays page={page} centreEmail={centreEmail} />
    </section>
  );
}

/** The other ways to reach the centre, for when the chat cannot be used. */
function OtherWays({ page, centreEmail }: { page: PageContext; centreEmail: string }) {
  const { t, helplinePhone } = page;
  return (
    <ul>
      <li><a href={`tel:${helplinePhone.replace(/\s/g, '')}`}>{t('public.chat.meanwhileCall', { phone: helplinePhone })}</a></li>
      <li><a href={`mailto:${centreEmail}`}>{t('public.chat.writeTo', { email: centreEmail })}</a></li>
      <li><a href="/report">{t('public.chat.meanwhileReport')}</a></li>
      <li><a href="/advice">{t('public.chat.meanwhileAdvice')}</a></li>
    </ul>
  );
}

function ChatOpen({ page, centreEmail }: { page: PageContext; centreEmail: string }) {
  const { t } = page;
  return (
    <div id="chat" className="chat" data-messages={JSON.stringify(clientMessages(page, centreEmail))}>
      <div className="chat-needs-js notice" id="chat-needs-js">
        <p>{t('public.chat.needsJs')}</p>
        <OtherWays page={page} centreEmail={centreEmail} />
      </div>
      <form id="chat-start" className="chat-start" hidden>
        <fieldset>
          <legend>{t('public.chat.startLegend')}</legend>
          <p className="field">
            <label htmlFor="chat-nickname">{t('public.chat.nickname')}</label>
            <input id="chat-nickname" name="nickname" maxLength={40} autoComplete="off" />
          </p>
          <p className="field">
            <label htmlFor="chat-age">{t('public.chat.ageGroup')}</label>
            <select id="chat-age" name="ageGroup" defaultValue="">
              <option value="">{t('public.chat.notSaying')}</option>
              {CHAT_AGE_GROUPS.filter((a) => a !== 'unknown').map((a) => (
                <option key={a} value={a}>{t(`public.chat.ageGroups.${a}`)}</option>
              ))}
            </select>
          </p>
          <p className="field">
            <label htmlFor="chat-language">{t('public.chat.language')}</label>
            <select id="chat-language" name="language" defaultValue={page.language}>
              {LANGUAGES.map((l) => (
                <option key={l} value={l} lang={l}>{LANGUAGE_NAMES[l]}</option>
              ))}
            </select>
          </p>
        </fieldset>
        <p className="privacy-note">{t('public.chat.privacy')}</p>
        <button type="submit">{t('public.chat.start')}</button>
      </form>
      <section id="chat-window" className="chat-window" hidden aria-labelledby="chat-log-title">
        <p id="chat-status" className="chat-status" role="status" aria-live="polite"></p>
        <h2 id="chat-log-title" className="visually-hidden">{t('public.chat.log')}</h2>
        <div id="chat-log" className="chat-log" role="log" aria-live="polite" aria-relevant="additions"></div>
        <p id="chat-typing" className="chat-typing" aria-live="polite"></p>
        <form id="chat-compose" className="chat-compose">
          <label htmlFor="chat-message">{t('public.chat.messageLabel')}</label>
          <textarea id="chat-message" name="message" rows={3} maxLength={2000} required></textarea>
          <p id="chat-error" className="chat-error" role="alert"></p>
          <div className="chat-actions">
            <button type="submit">{t('public.chat.send')}</button>
            <button type="button" id="chat-end" className="secondary">{t('public.chat.end')}</button>
            <a className="quick-exit inline" href={page.quickExitUrl} rel="noreferrer">{t('quickExit.label')}</a>
          </div>
        </form>
        <p id="chat-new" hidden><a href="/chat">{t('public.chat.newChat')}</a></p>
      </section>
    </div>
  );
}

export async function chatPageRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get('/chat', { schema: { hide: true }, logLevel: 'warn' }, async (request, reply) => {
    const page = await pageContext(ctx, request);
    const settings = await getSettings(ctx.db);
    const hours = chatHours(settings);
    const { t } = page;
    const html = renderPage(
      page,
      t('public.chat.title'),
      <>
        <h1>{t('public.chat.title')}</h1>
        <p className="lead">{t('public.chat.lead')}</p>
        {hours.isOpen ? <ChatOpen page={page} centreEmail={settings.centreEmail} /> : <ChatClosed page={page} opensAt={hours.opensAt} centreEmail={settings.centreEmail} />}
        <p className="emergency" role="note">{t('public.chat.emergency')}</p>
      </>,
      hours.isOpen ? { script: '/assets/chat.js', stylesheet: '/assets/chat.css' } : { stylesheet: '/assets/chat.css' },
    );
    return sendHtml(reply, html);
  });
}
