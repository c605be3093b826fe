// The schools registry in the console (/prevention/schools/*): the list with filters, one school
// (its details, and the edit form for coordinators), a new school and the CSV import. Shown to
// those with schools.list; writing needs schools.manage, which the server enforces regardless.
import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router-dom';
import { NoAccess } from '../../screens/NoAccess';
import { NotFound } from '../../screens/NotFound';
import { useUser } from '../../session';
import './schools.css';

const SchoolList = lazy(() => import('./SchoolList').then((m) => ({ default: m.SchoolList })));
const SchoolPage = lazy(() => import('./SchoolPage').then((m) => ({ default: m.SchoolPage })));
const NewSchool = lazy(() => import('./SchoolForm').then((m) => ({ default: m.NewSchool })));
const SchoolImport = lazy(() => import('./SchoolImport').then((m) => ({ default: m.SchoolImport })));

export function SchoolsSection() {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<p role="status">{t('console.loading')}</p>}>
      <Routes>
        <Route index element={<SchoolList />} />
        <Route path="new" element={<Manages><NewSchool /></Manages>} />
        <Route path="import" element={<Manages><SchoolImport /></Manages>} />
        <Route path=":id" element={<SchoolPage />} />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </Suspense>
  );
}

function Manages({ children }: { children: ReactNode }) {
  return useUser().abilities['schools.manage'] ? children : <NoAccess />;
}
