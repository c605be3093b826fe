// The helpline mailbox in the console: the list of threads (awaiting first) and one thread
// with its messages, attachments, the reply form and closing.
import { Route, Routes } from 'react-router-dom';
import { NotFound } from '../screens/NotFound';
import { ThreadList } from './ThreadList';
import { ThreadView } from './ThreadView';

export function InboxSection() {
  return (
    <Routes>
      <Route index element={<ThreadList />} />
      <Route path="threads/:id" element={<ThreadView />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
