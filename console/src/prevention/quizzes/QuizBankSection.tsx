// The quiz question bank in the console (coordinators): the list by topic and status, writing
// and editing a question, retiring and bringing back, the centre's review mark.
import { Route, Routes } from 'react-router-dom';
import { NotFound } from '../../screens/NotFound';
import { QuestionList } from './QuestionList';
import { QuestionEditor } from './QuestionEditor';
import './quizzes.css';

export function QuizBankSection() {
  return (
    <Routes>
      <Route index element={<QuestionList />} />
      <Route path="new" element={<QuestionEditor />} />
      <Route path=":id/edit" element={<QuestionEditor />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
