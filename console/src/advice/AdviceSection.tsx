// The advice library in the console: quick search while on a call, the article in any of the
// three languages with its public link to paste into a chat or e-mail, and for supervisors
// writing, previewing (the server's own renderer), publishing and the review mark.
import type { ReactNode } from 'react';
import { Route, Routes } from 'react-router-dom';
import { useUser } from '../session';
import { NoAccess } from '../screens/NoAccess';
import { NotFound } from '../screens/NotFound';
import { AdviceList } from './AdviceList';
import { AdviceView } from './AdviceView';
import { AdviceEditor } from './AdviceEditor';

function EditorsOnly({ children }: { children: ReactNode }) {
  return useUser().abilities['advice.edit'] ? children : <NoAccess />;
}

export function AdviceSection() {
  return (
    <Routes>
      <Route index element={<AdviceList />} />
      <Route path="new" element={<EditorsOnly><AdviceEditor /></EditorsOnly>} />
      <Route path=":id" element={<AdviceView />} />
      <Route path=":id/edit" element={<EditorsOnly><AdviceEditor /></EditorsOnly>} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
