// Campaigns in the console (/prevention/campaigns/*): the list with reach figures, one campaign
// (figures, partners, the tour on a list and a map, other events, online actions), and the
// coordinators' forms. Shown to those with campaigns.list; writing needs campaigns.manage (and
// planning a stop events.create), which the server enforces regardless.
import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router-dom';
import { NoAccess } from '../../screens/NoAccess';
import { NotFound } from '../../screens/NotFound';
import { useUser } from '../../session';
import './campaigns.css';

const CampaignList = lazy(() => import('./CampaignList').then((m) => ({ default: m.CampaignList })));
const CampaignPage = lazy(() => import('./CampaignPage').then((m) => ({ default: m.CampaignPage })));
const NewCampaign = lazy(() => import('./CampaignForm').then((m) => ({ default: m.NewCampaign })));
const EditCampaign = lazy(() => import('./CampaignForm').then((m) => ({ default: m.EditCampaign })));

export function CampaignsSection() {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<p role="status">{t('console.loading')}</p>}>
      <Routes>
        <Route index element={<CampaignList />} />
        <Route path="new" element={<Manages><NewCampaign /></Manages>} />
        <Route path=":id" element={<CampaignPage />} />
        <Route path=":id/edit" element={<Manages><EditCampaign /></Manages>} />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </Suspense>
  );
}

function Manages({ children }: { children: ReactNode }) {
  return useUser().abilities['campaigns.manage'] ? children : <NoAccess />;
}
