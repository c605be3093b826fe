// The frame of every screen: skip link, header (centre, language, the signed-in person,
// navigation by ability), the <main> landmark and the footer.
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, useNavigate } from 'react-router-dom';
import type { Ability } from '../../../common/abilities';
import type { SessionUser } from '../endpoints';
import { personName, useLanguage } from '../i18n';
import { useSession } from '../session';
import { referralAccess } from '../referrals/access';
import { LanguageSwitcher } from './LanguageSwitcher';

/** A contact person who is not also one of the centre's case workers. */
function isInstitutionOnly(user: SessionUser): boolean {
  const access = referralAccess(user);
  return access.isInstitutionContact && !access.isCaseWorker;
}

interface NavItem {
  to: string;
  label: string;
  ability: Ability | null;
  /** For screens without an ability yet: shown by role (the server decides access). */
  show?: (user: SessionUser) => boolean;
}

const NAVIGATION: NavItem[] = [
  { to: '/', label: 'console.nav.home', ability: null },
  { to: '/referrals', label: 'console.nav.institutionReferrals', ability: null, show: (user) => isInstitutionOnly(user) },
  { to: '/helpline/contacts', label: 'helpline.nav.contacts', ability: 'contacts.list' },
  { to: '/chats', label: 'chat.nav.chats', ability: 'chats.answer' },
  { to: '/inbox', label: 'inbox.nav.inbox', ability: 'inbox.read' },
  { to: '/helpline/cases', label: 'helpline.nav.cases', ability: 'cases.list' },
  { to: '/helpline/overview', label: 'helpline.nav.overview', ability: 'helpline.supervise' },
  { to: '/advice', label: 'advice.nav.library', ability: 'advice.read' },
  { to: '/prevention', label: 'prevention.nav.prevention', ability: null, show: (user) => user.abilities['events.list'] || user.abilities['prevention.figures'] || user.abilities['schools.manage'] },
  { to: '/prevention/my-sessions', label: 'prevention.nav.mySessions', ability: 'peerSessions.record' },
  { to: '/reports', label: 'console.nav.reports', ability: 'reports.list' },
  { to: '/referrals', label: 'console.nav.referrals', ability: null, show: (user) => referralAccess(user).isCaseWorker },
  { to: '/users', label: 'console.nav.users', ability: 'users.list' },
  { to: '/audit', label: 'console.nav.audit', ability: 'audit.read' },
  { to: '/mailbox', label: 'console.nav.mailbox', ability: 'mailbox.read' },
  { to: '/settings', label: 'console.nav.settings', ability: 'settings.manage' },
  { to: '/account', label: 'console.nav.account', ability: null },
];

interface Props {
  user?: SessionUser;
  /** False while a first-sign-in step is pending: the server accepts nothing else then. */
  showNavigation?: boolean;
  children: ReactNode;
}

export function Layout({ user, showNavigation = false, children }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('console.skipToContent')}
      </a>
      <header className="site-header">
        <div className="header-bar">
          <p className="brand">
            <span className="brand-name">{t('centre.shortName')}</span>
            <span className="brand-app">{t('console.appName')}</span>
          </p>
          <div className="header-tools">
            <LanguageSwitcher />
            {user && <SignOut user={user} />}
          </div>
        </div>
        {user && showNavigation && (
          <nav aria-label={t('console.nav.label')} className="main-nav">
            <ul>
              {NAVIGATION.filter((item) => (item.ability === null || user.abilities[item.ability]) && (item.show?.(user) ?? true)).map((item) => (
                <li key={`${item.to}-${item.label}`}>
                  <NavLink to={item.to} end={item.to === '/'}>
                    {t(item.label)}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <p>{t('centre.name')}</p>
      </footer>
    </>
  );
}

function SignOut({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const { signOut } = useSession();
  const language = useLanguage();
  const navigate = useNavigate();
  const [hasFailed, setHasFailed] = useState(false);
  return (
    <div className="user-box">
      <span className="signed-in-as">{t('console.signedInAs', { name: personName(user.displayName, language) })}</span>
      <button
        type="button"
        data-testid="sign-out"
        onClick={() => {
          setHasFailed(false);
          signOut().then(
            () => navigate('/'),
            () => setHasFailed(true),
          );
        }}
      >
        {t('console.signOut')}
      </button>
      {hasFailed && (
        <span role="alert" className="field-error">
          {t('errors.network')}
        </span>
      )}
    </div>
  );
}
