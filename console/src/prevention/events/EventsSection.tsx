// The events part of the console (/prevention/events/*): the calendar, planning a new event
// (coordinators: events.create), one event and editing it. The server decides who may do
// what to which event; the screens show what it allows (event.may).
import type { ReactNode } from 'react';
import { Route, Routes } from 'react-router-dom';
import { NoAccess } from '../../screens/NoAccess';
import { NotFound } from '../../screens/NotFound';
import { useUser } from '../../session';
import { Calendar } from './Calendar';
import { EditEvent, NewEvent } from './EventForm';
import { EventPage } from './EventPage';
import './events.css';

export function EventsSection() {
  return (
    <Routes>
      <Route index element={<Calendar />} />
      <Route path="new" element={<CoordinatorsOnly><NewEvent /></CoordinatorsOnly>} />
      <Route path=":id" element={<EventPage />} />
      <Route path=":id/edit" element={<EditEvent />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}

function CoordinatorsOnly({ children }: { children: ReactNode }) {
  return useUser().abilities['events.create'] ? children : <NoAccess />;
}
