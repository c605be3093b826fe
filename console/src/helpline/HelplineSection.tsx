// The helpline section of the console (/helpline/*): contacts (the list with the repeat-caller
// look-up, logging a new one, one contact), cases and the supervisor's live overview. Each
// screen is shown by the ability the server sent; the server enforces them regardless. The
// screens load on first use, so the console's first load does not carry them.
import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes } from 'react-router-dom';
import type { Ability } from '../../../common/abilities';
import { CaseDetail } from '../screens/CaseDetail';
import { NoAccess } from '../screens/NoAccess';
import { NotFound } from '../screens/NotFound';
import { useUser } from '../session';

const ContactList = lazy(() => import('./ContactList').then((m) => ({ default: m.ContactList })));
const ContactNew = lazy(() => import('./ContactNew').then((m) => ({ default: m.ContactNew })));
const ContactDetail = lazy(() => import('./ContactDetail').then((m) => ({ default: m.ContactDetail })));
const CaseList = lazy(() => import('./CaseList').then((m) => ({ default: m.CaseList })));
const Overview = lazy(() => import('./Overview').then((m) => ({ default: m.Overview })));

export function HelplineSection() {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<p role="status">{t('console.loading')}</p>}>
      <Routes>
        <Route index element={<Navigate to="contacts" replace />} />
        <Route path="contacts" element={<ContactList />} />
        <Route path="contacts/new" element={<Requires ability="contacts.create"><ContactNew /></Requires>} />
        <Route path="contacts/:id" element={<ContactDetail />} />
        <Route path="cases" element={<Requires ability="cases.list"><CaseList /></Requires>} />
        {/* The case screen, for counsellors too (the top-level /cases/:id is for case workers). */}
        <Route path="cases/:id" element={<Requires ability="cases.list"><CaseDetail /></Requires>} />
        <Route path="overview" element={<Requires ability="helpline.supervise"><Overview /></Requires>} />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </Suspense>
  );
}

function Requires({ ability, children }: { ability: Ability; children: ReactNode }) {
  const user = useUser();
  return user.abilities[ability] ? children : <NoAccess />;
}
