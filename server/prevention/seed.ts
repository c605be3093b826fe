// What prevention seeds: the reference data every installation starts with (the quiz question
// bank and the peer-educator training modules, each marked for the centre's review and seeded
// only once), and in demo mode a year of made-up work for the demo accounts.
import type { AppContext } from '../context';
import type { DbOrTrx } from '../db/index';
import { seedStarterQuestions } from './quizzes/starter';
import { seedPeerTrainingModules } from './peers/modules';
import { seedSchoolsDemo } from './schools/demo';
import { seedCampaignsDemo } from './campaigns/demo';
import { seedEventsDemo } from './events/demo';
import { seedRequestsDemo } from './requests/demo';
import { seedQuizzesDemo } from './quizzes/demo';
import { seedPeersDemo } from './peers/demo';

export async function seedPreventionReferenceData(db: DbOrTrx): Promise<void> {
  await seedStarterQuestions(db);
  await seedPeerTrainingModules(db);
}

/** In order: schools before the events at them, events before the quizzes and requests that use them. */
export async function seedPreventionDemo(ctx: AppContext): Promise<void> {
  await seedSchoolsDemo(ctx);
  await seedCampaignsDemo(ctx);
  await seedEventsDemo(ctx);
  await seedRequestsDemo(ctx);
  await seedQuizzesDemo(ctx);
  await seedPeersDemo(ctx);
}
