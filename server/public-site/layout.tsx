// The frame of every public page: skip link, quick exit, language switcher, helpline number.
// Rendered on the server to static HTML (React escapes every value); the only script is the
// small quick-exit enhancement in assets/public.js, and every page works without it.
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { TFunction } from 'i18next';
import { LANGUAGES, LANGUAGE_NAMES, type Language } from '../../common/i18n/index';

export interface PageContext {
  t: TFunction;
  language: Language;
  path: string;
  helplinePhone: string;
  quickExitUrl: string;
}

function QuickExit({ t, quickExitUrl }: PageContext) {
  return (
    <a className="quick-exit" id="quick-exit" href={quickExitUrl} rel="noreferrer" title={t('quickExit.hint')}>
      {t('quickExit.label')}
      <span className="visually-hidden"> – {t('quickExit.hint')}</span>
    </a>
  );
}

function LanguageSwitcher({ t, language, path }: PageContext) {
  return (
    <nav aria-label={t('language.label')} className="languages">
      <ul>
        {LANGUAGES.map((lng) => (
          <li key={lng}>
            {lng === language ? (
              <span aria-current="true" lang={lng}>{LANGUAGE_NAMES[lng]}</span>
            ) : (
              <a href={`/language/${lng}?next=${encodeURIComponent(path)}`} lang={lng} hrefLang={lng} rel="nofollow">
                {LANGUAGE_NAMES[lng]}
              </a>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}

const NAVIGATION = [
  ['/', 'public.nav.home'],
  ['/chat', 'public.nav.chat'],
  ['/advice', 'public.nav.advice'],
  ['/report', 'public.nav.report'],
  ['/report/follow-up', 'public.nav.followUp'],
  ['/presentations', 'public.nav.presentations'],
] as const;

export function renderPage(page: PageContext, title: string, content: ReactNode, extra: { script?: string; stylesheet?: string } = {}): string {
  const { t, language, helplinePhone } = page;
  const markup = renderToStaticMarkup(
    <html lang={language}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="no-referrer" />
        <title>{`${title} – ${t('centre.shortName')}`}</title>
        <link rel="stylesheet" href="/assets/public.css" />
        <script src="/assets/vendor/sha256.min.js" defer />
        <script src="/assets/public.js" defer data-quick-exit-url={page.quickExitUrl} />
        {extra.stylesheet && <link rel="stylesheet" href={extra.stylesheet} />}
        {extra.script && <script src={extra.script} defer />}
      </head>
      <body>
        <a className="skip-link" href="#main">{t('public.skipToContent')}</a>
        <header className="site-header">
          <div className="bar">
            <a className="brand" href="/">{t('centre.name')}</a>
            <QuickExit {...page} />
          </div>
          <div className="bar secondary">
            <p className="helpline">
              {t('centre.helpline')}: <a href={`tel:${helplinePhone.replace(/\s/g, '')}`} className="phone">{helplinePhone}</a>{' '}
              <span>({t('centre.freeCall')})</span>
            </p>
            <LanguageSwitcher {...page} />
          </div>
        </header>
        <nav className="site-nav" aria-label={t('public.nav.label')}>
          <ul>
            {NAVIGATION.map(([href, label]) => (
              <li key={href}>
                <a href={href} aria-current={page.path === href ? 'page' : undefined}>
                  {t(label)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <main id="main" tabIndex={-1}>{content}</main>
        <footer className="site-footer">
          <p>{t('public.footer.privacy')}</p>
          <p><a href="/console/">{t('public.footer.staff')}</a></p>
        </footer>
      </body>
    </html>,
  );
  return `<!doctype html>${markup}`;
}
