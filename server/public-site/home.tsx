// The public home page: who we are, the helpline number, how we help.
import type { PageContext } from './layout';
import { renderPage } from './layout';

export function renderHome(page: PageContext): string {
  const { t, helplinePhone } = page;
  return renderPage(
    page,
    t('public.home.title'),
    <>
      <section className="hero" aria-labelledby="home-title">
        <h1 id="home-title">{t('public.home.title')}</h1>
        <p className="lead">{t('public.home.lead')}</p>
        <p className="call">
          <a className="call-button" href={`tel:${helplinePhone.replace(/\s/g, '')}`}>
            {t('public.home.callUs')}: <strong>{helplinePhone}</strong>
          </a>
        </p>
        <p>{t('public.home.callHint')}</p>
      </section>
      <section aria-labelledby="what-we-do">
        <h2 id="what-we-do">{t('public.home.whatWeDo')}</h2>
        <ul className="cards">
          <li>
            <h3>{t('public.home.helplineTitle')}</h3>
            <p>{t('public.home.helplineText')}</p>
            <p>
              <a href="/chat">{t('public.nav.chat')}</a> · <a href="/advice">{t('public.nav.advice')}</a>
            </p>
          </li>
          <li>
            <h3>{t('public.home.hotlineTitle')}</h3>
            <p>{t('public.home.hotlineText')}</p>
            <p>
              <a href="/report">{t('public.nav.report')}</a>
            </p>
          </li>
          <li>
            <h3>{t('public.home.preventionTitle')}</h3>
            <p>{t('public.home.preventionText')}</p>
          </li>
        </ul>
      </section>
      <p className="emergency" role="note">{t('public.home.emergency')}</p>
    </>,
  );
}

export function renderNotFound(page: PageContext): string {
  return renderPage(page, page.t('errors.notFound'), <h1>{page.t('errors.notFound')}</h1>);
}

/** A page with a heading and one paragraph (refusals, notices). */
export function renderNotice(page: PageContext, title: string, text: string): string {
  return renderPage(
    page,
    title,
    <>
      <h1>{title}</h1>
      <p>{text}</p>
      <p>
        <a href="/">{page.t('public.nav.home')}</a>
      </p>
    </>,
  );
}
