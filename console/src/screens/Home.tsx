// The home page: a greeting, the person's roles, and a card for each screen they can use.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Role } from '../../../common/roles';
import { Screen } from '../components/Screen';
import { localName, personName, useLanguage } from '../i18n';
import { useUser } from '../session';
import { toLatin } from '../../../common/i18n/translit';

/** Roles whose work this console already covers; the others get a plain "coming" note. */
const ROLES_WITH_SCREENS: readonly Role[] = ['administrator', 'dpo', 'analyst', 'supervisor'];

interface Card {
  to: string;
  key: string;
}

export function Home() {
  const { t } = useTranslation();
  const user = useUser();
  const language = useLanguage();
  const can = user.abilities;

  const cards: Card[] = [
    ...(can['reports.list'] ? [{ to: '/reports', key: can['reports.work'] ? 'reports' : 'reportsEscalated' }] : []),
    ...(can['users.list'] ? [{ to: '/users', key: can['users.manage'] ? 'usersManage' : 'users' }] : []),
    ...(can['audit.read'] ? [{ to: '/audit', key: 'audit' }] : []),
    ...(can['settings.manage'] ? [{ to: '/settings', key: 'settings' }] : []),
    { to: '/account', key: 'account' },
  ];
  const waitingRoles = user.roles.filter((role) => !ROLES_WITH_SCREENS.includes(role));

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
            </li>
          ))}
        </ul>
        {waitingRoles.length > 0 && (
          <p className="alert alert-info">
            {t('console.home.comingSoon', { roles: waitingRoles.map((role) => t(`roles.${role}`)).join(', ') })}
          </p>
        )}
      </section>
    </Screen>
  );
}
