// Peer educators for coordinators (/console/prevention/peers/*): the young people (list, new,
// one record), the sessions waiting for confirmation, cohorts and training modules. The server
// enforces peerEducatorPolicy regardless; PreventionSection shows this only with the ability.
import { useTranslation } from 'react-i18next';
import { NavLink, Route, Routes } from 'react-router-dom';
import { NotFound } from '../../screens/NotFound';
import { CohortsScreen } from './CohortsScreen';
import { EducatorDetail } from './EducatorDetail';
import { EducatorList } from './EducatorList';
import { EducatorNew } from './EducatorNew';
import { ModulesScreen } from './ModulesScreen';
import { SessionQueue } from './SessionQueue';
import './peers.css';

const TABS = [
  { to: '/prevention/peers', label: 'prevention.peers.nav.educators', end: true },
  { to: '/prevention/peers/sessions', label: 'prevention.peers.nav.sessions', end: false },
  { to: '/prevention/peers/cohorts', label: 'prevention.peers.nav.cohorts', end: false },
  { to: '/prevention/peers/modules', label: 'prevention.peers.nav.modules', end: false },
];

export function PeersSection() {
  const { t } = useTranslation();
  return (
    <>
      <nav aria-label={t('prevention.peers.nav.label')} className="sub-nav">
        <ul>
          {TABS.map((tab) => (
            <li key={tab.to}>
              <NavLink to={tab.to} end={tab.end}>
                {t(tab.label)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Routes>
        <Route index element={<EducatorList />} />
        <Route path="new" element={<EducatorNew />} />
        <Route path="sessions" element={<SessionQueue />} />
        <Route path="cohorts" element={<CohortsScreen />} />
        <Route path="modules" element={<ModulesScreen />} />
        <Route path=":id" element={<EducatorDetail />} />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </>
  );
}
