// Presentation requests in the console (/prevention/requests/*): the queue and one request with
// its accept and decline forms. Shown to those with presentationRequests.list (the section's
// menu checks it); the server enforces it regardless.
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router-dom';
import { NotFound } from '../../screens/NotFound';
import './requests.css';

const RequestQueue = lazy(() => import('./RequestQueue').then((m) => ({ default: m.RequestQueue })));
const RequestDetail = lazy(() => import('./RequestDetail').then((m) => ({ default: m.RequestDetail })));

export function RequestsSection() {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<p role="status">{t('console.loading')}</p>}>
      <Routes>
        <Route index element={<RequestQueue />} />
        <Route path=":id" element={<RequestDetail />} />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </Suspense>
  );
}
