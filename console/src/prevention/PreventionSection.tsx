// Prevention and youth participation in the console: a menu of its parts (each shown by the
// ability the server sent) above the part's own screens. Each part lives in its own folder.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, NavLink, Route, Routes } from 'react-router-dom';
import type { Ability } from '../../../common/abilities';
import { useUser } from '../session';
import { NoAccess } from '../screens/NoAccess';
import { NotFound } from '../screens/NotFound';
import { SchoolsSection } from './schools/SchoolsSection';
import { CampaignsSection } from './campaigns/CampaignsSection';
import { EventsSection } from './events/EventsSection';
import { RequestsSection } from './requests/RequestsSection';
import { QuizBankSection } from './quizzes/QuizBankSection';
import { PeersSection } from './peers/PeersSection';
import { MySessionsSection } from './peers/MySessionsSection';
import { CoverageSection } from './coverage/CoverageSection';

const PARTS: { path: string; label: string; ability: Ability; element: ReactNode }[] = [
  { path: 'events', label: 'prevention.nav.events', ability: 'events.list', element: <EventsSection /> },
  { path: 'requests', label: 'prevention.nav.requests', ability: 'presentationRequests.list', element: <RequestsSection /> },
  { path: 'campaigns', label: 'prevention.nav.campaigns', ability: 'campaigns.list', element: <CampaignsSection /> },
  { path: 'schools', label: 'prevention.nav.schools', ability: 'schools.list', element: <SchoolsSection /> },
  { path: 'quizzes', label: 'prevention.nav.quizzes', ability: 'quizzes.manage', element: <QuizBankSection /> },
  { path: 'peers', label: 'prevention.nav.peers', ability: 'peerEducators.manage', element: <PeersSection /> },
  { path: 'coverage', label: 'prevention.nav.coverage', ability: 'prevention.figures', element: <CoverageSection /> },
];

export function PreventionSection() {
  const { t } = useTranslation();
  const user = useUser();
  const parts = PARTS.filter((part) => user.abilities[part.ability]);
  const first = parts[0]?.path ?? (user.abilities['peerSessions.record'] ? 'my-sessions' : null);
  return (
    <>
      {parts.length > 1 && (
        <nav aria-label={t('prevention.nav.label')} className="sub-nav">
          <ul>
            {parts.map((part) => (
              <li key={part.path}>
                <NavLink to={`/prevention/${part.path}`}>{t(part.label)}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <Routes>
        <Route index element={first ? <Navigate to={first} replace /> : <NoAccess />} />
        {PARTS.map((part) => (
          <Route key={part.path} path={`${part.path}/*`} element={user.abilities[part.ability] ? part.element : <NoAccess />} />
        ))}
        <Route path="my-sessions/*" element={user.abilities['peerSessions.record'] ? <MySessionsSection /> : <NoAccess />} />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </>
  );
}
