// Placeholder until the feature's screens land (nested routes of this section).
import { NotFound } from '../screens/NotFound';

export function AdviceSection() {
  return <NotFound />;
}
