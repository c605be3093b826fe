// The live chat section of the console (/chats/*): the counsellors' workspace. The selected
// conversation is kept in the address (?chat=<id>), so a reload returns to it.
import { Route, Routes } from 'react-router-dom';
import { NotFound } from '../screens/NotFound';
import { ChatWorkspace } from './ChatWorkspace';

export function ChatSection() {
  return (
    <Routes>
      <Route index element={<ChatWorkspace />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
