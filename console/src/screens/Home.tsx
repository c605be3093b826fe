// The home page: a greeting, the person's roles, and a card for each screen they can use.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Screen } from '../components/Screen';
import { localName, personName, useLanguage } from '../i18n';
import { useUser } from '../session';
import { toLatin } from '../../../common/i18n/translit';
import { referralsApi } from '../endpoints';
import { referralAccess } from '../referrals/access';
import { useLoad } from '../useLoad';


interface Card {
  to: string;
  key: string;
  /** A line under the text, e.g. how many referrals wait for acknowledgement. */
  extra?: string | null;
}

export function Home() {
  const { t } = useTranslation();
  const user = useUser();
  const language = useLanguage();
  const can = user.abilities;
  const access = referralAccess(user);
  const isInstitutionOnly = access.isInstitutionContact && !access.isCaseWorker;
  const waiting = useLoad(
    () => (isInstitutionOnly ? referralsApi.list({ status: 'sent', limit: '200' }).then((page) => page.referrals.length) : Promise.resolve(null)),
    [isInstitutionOnly],
  );
  const waitingText =
    waiting.data === null || waiting.data === undefined
      ? null
      : waiting.data === 0
        ? t('console.home.waitingNone')
        : t('console.home.waiting', { count: waiting.data });

  const cards: Card[] = [
    ...(isInstitutionOnly ? [{ to: '/referrals', key: 'institutionReferrals', extra: waitingText }] : []),
    ...(can['contacts.create'] ? [{ to: '/helpline/contacts/new', key: 'newContact' }] : []),
    ...(can['chats.answer'] ? [{ to: '/chats', key: 'chats' }] : []),
    ...(can['contacts.list'] ? [{ to: '/helpline/contacts', key: 'contacts' }] : []),
    ...(can['inbox.read'] ? [{ to: '/inbox', key: 'inbox' }] : []),
    ...(can['cases.list'] ? [{ to: '/helpline/cases', key: 'cases' }] : []),
    ...(can['helpline.supervise'] ? [{ to: '/helpline/overview', key: 'overview' }] : []),
    ...(can['events.list'] ? [{ to: '/prevention/events', key: 'events' }] : []),
    ...(can['presentationRequests.list'] ? [{ to: '/prevention/requests', key: 'presentationRequests' }] : []),
    ...(can['campaigns.manage'] ? [{ to: '/prevention/campaigns', key: 'campaigns' }] : []),
    ...(can['peerEducators.manage'] ? [{ to: '/prevention/peers', key: 'peers' }] : []),
    ...(can['peerSessions.record'] ? [{ to: '/prevention/my-sessions', key: 'mySessions' }] : []),
    ...(can['prevention.figures'] ? [{ to: '/prevention/coverage', key: 'coverage' }] : []),
    ...(can['advice.read'] ? [{ to: '/advice', key: 'advice' }] : []),
    ...(can['reports.list'] ? [{ to: '/reports', key: can['reports.work'] ? 'reports' : 'reportsEscalated' }] : []),
    ...(access.isCaseWorker ? [{ to: '/referrals', key: 'referrals' }] : []),
    ...(can['users.list'] ? [{ to: '/users', key: can['users.manage'] ? 'usersManage' : 'users' }] : []),
    ...(can['audit.read'] ? [{ to: '/audit', key: 'audit' }] : []),
    ...(can['settings.manage'] ? [{ to: '/settings', key: 'settings' }] : []),
    { to: '/account', key: 'account' },
  ];

  return (
    <Screen title={t('console.home.greeting', { name: personName(user.displayName, language) })} headingTestId="home-heading">
      <section aria-labelledby="home-roles">
        <h2 id="home-roles">{t('console.home.yourRoles')}</h2>
        <ul className="tag-list">
          {user.roles.map((role) => (
            <li key={role} className="tag">
              {t(`roles.${role}`)}
            </li>
          ))}
        </ul>
        {user.institutionName && (
          <p>
            {t('console.home.institution', {
              name: localName(user.institutionName, toLatin(user.institutionName), language),
            })}
          </p>
        )}
      </section>
      <section aria-labelledby="home-cards">
        <h2 id="home-cards">{t('console.home.whatYouCanDo')}</h2>
        <ul className="cards">
          {cards.map((card) => (
            <li key={card.key} className="card">
              <h3>
                <Link to={card.to}>{t(`console.home.cards.${card.key}.title`)}</Link>
              </h3>
              <p>{t(`console.home.cards.${card.key}.text`)}</p>
              {card.extra && (
                <p className="card-extra" data-testid={`home-card-${card.key}-count`}>
                  <strong>{card.extra}</strong>
                </p>
              )}
            </li>
          ))}
        </ul>
      </section>
    </Screen>
  );
}
