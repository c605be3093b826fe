// (Being written: the quiz of one event, shown on the event's page.)
export function EventQuizPanel(_props: { eventId: string }) {
  return null;
}
