// Which screen shows: the sign-in screen, a pending first-sign-in step, or the console's routes
// (each guarded by the ability the server sent; the server enforces them regardless).
import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router-dom';
import type { Ability } from '../../common/abilities';
import type { SessionUser } from './endpoints';
import { Layout } from './components/Layout';
import { ErrorAlert } from './components/Messages';
import { Screen } from './components/Screen';
import { useSession, useUser } from './session';
import { Account } from './screens/Account';
import { Audit } from './screens/Audit';
import { Mailbox } from './screens/Mailbox';
import { Home } from './screens/Home';
import { NoAccess } from './screens/NoAccess';
import { NotFound } from './screens/NotFound';
import { CaseDetail } from './screens/CaseDetail';
import { ReferralDetail } from './screens/ReferralDetail';
import { ReferralList } from './screens/ReferralList';
import { canSeeReferrals } from './referrals/access';
import { PasswordChangeStep } from './screens/PasswordChangeStep';
import { ReportDetail } from './screens/ReportDetail';
import { ReportQueue } from './screens/ReportQueue';
import { Settings } from './screens/Settings';
import { SignIn } from './screens/SignIn';
import { TotpSetupStep } from './screens/TotpSetupStep';
import { UserDetail } from './screens/UserDetail';
import { UserList } from './screens/UserList';
import { UserNew } from './screens/UserNew';
import { HelplineSection } from './helpline/HelplineSection';

// Sections used by some roles only are loaded on first use (a smaller first download).
const ChatSection = lazy(() => import('./chat/ChatSection').then((m) => ({ default: m.ChatSection })));
const AdviceSection = lazy(() => import('./advice/AdviceSection').then((m) => ({ default: m.AdviceSection })));
const InboxSection = lazy(() => import('./inbox/InboxSection').then((m) => ({ default: m.InboxSection })));
const PreventionSection = lazy(() => import('./prevention/PreventionSection').then((m) => ({ default: m.PreventionSection })));

export function App() {
  const { t } = useTranslation();
  const { state, reload } = useSession();

  switch (state.status) {
    case 'loading':
      return (
        <Layout>
          <p role="status">{t('console.loading')}</p>
        </Layout>
      );
    case 'unreachable':
      return (
        <Layout>
          <Screen title={t('console.appName')}>
            <ErrorAlert error={state.error} />
            <button type="button" onClick={reload}>
              {t('console.retry')}
            </button>
          </Screen>
        </Layout>
      );
    case 'signed-out':
      return (
        <Layout>
          <SignIn reason={state.reason} />
        </Layout>
      );
    case 'signed-in':
      if (state.user.pendingStep !== 'none') {
        return (
          <Layout user={state.user}>
            {state.user.pendingStep === 'password-change' ? <PasswordChangeStep /> : <TotpSetupStep />}
          </Layout>
        );
      }
      return (
        <Layout user={state.user} showNavigation>
          <Suspense fallback={<p role="status">{t('console.loading')}</p>}>
            <Routes>
            <Route path="/" element={<Home />} />
            <Route path="/users" element={<Requires ability="users.list"><UserList /></Requires>} />
            <Route path="/users/new" element={<Requires ability="users.manage"><UserNew /></Requires>} />
            <Route path="/users/:id" element={<Requires ability="users.list"><UserDetail /></Requires>} />
            <Route path="/reports" element={<Requires ability="reports.list"><ReportQueue /></Requires>} />
            <Route path="/reports/:id" element={<Requires ability="reports.list"><ReportDetail /></Requires>} />
            <Route path="/cases/:id" element={<Requires ability="cases.list"><CaseDetail /></Requires>} />
            <Route path="/referrals" element={<RequiresRole allowed={canSeeReferrals}><ReferralList /></RequiresRole>} />
            <Route path="/referrals/:id" element={<RequiresRole allowed={canSeeReferrals}><ReferralDetail /></RequiresRole>} />
            <Route path="/helpline/*" element={<Requires ability="contacts.list"><HelplineSection /></Requires>} />
            <Route path="/chats/*" element={<Requires ability="chats.answer"><ChatSection /></Requires>} />
            <Route path="/advice/*" element={<Requires ability="advice.read"><AdviceSection /></Requires>} />
            <Route path="/inbox/*" element={<Requires ability="inbox.read"><InboxSection /></Requires>} />
            <Route path="/prevention/*" element={<PreventionSection />} />
            <Route path="/audit" element={<Requires ability="audit.read"><Audit /></Requires>} />
            <Route path="/mailbox" element={<Requires ability="mailbox.read"><Mailbox /></Requires>} />
            <Route path="/settings" element={<Requires ability="settings.manage"><Settings /></Requires>} />
            <Route path="/account" element={<Account />} />
            <Route path="*" element={<NotFound />} />
          </Routes>
          </Suspense>
        </Layout>
      );
  }
}

function Requires({ ability, children }: { ability: Ability; children: ReactNode }) {
  const user = useUser();
  return user.abilities[ability] ? children : <NoAccess />;
}

/** Screens decided from roles (no ability for them yet); the server enforces access regardless. */
function RequiresRole({ allowed, children }: { allowed: (user: SessionUser) => boolean; children: ReactNode }) {
  const user = useUser();
  return allowed(user) ? children : <NoAccess />;
}
