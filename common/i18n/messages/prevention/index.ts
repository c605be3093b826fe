// The prevention namespace: shared labels plus one catalogue per part (prevention.schools.*,
// prevention.events.*, …), each part's texts in its own file.
import { preventionSharedMessages } from './shared';
import { preventionSchoolsMessages } from './schools';
import { preventionCampaignsMessages } from './campaigns';
import { preventionEventsMessages } from './events';
import { preventionRequestsMessages } from './requests';
import { preventionQuizzesMessages } from './quizzes';
import { preventionPeersMessages } from './peers';
import { preventionCoverageMessages } from './coverage';

function part(lang: 'sr-Cyrl' | 'en') {
  return {
    ...preventionSharedMessages[lang],
    schools: preventionSchoolsMessages[lang],
    campaigns: preventionCampaignsMessages[lang],
    events: preventionEventsMessages[lang],
    requests: preventionRequestsMessages[lang],
    quizzes: preventionQuizzesMessages[lang],
    peers: preventionPeersMessages[lang],
    coverage: preventionCoverageMessages[lang],
  };
}

export const preventionMessages = { 'sr-Cyrl': part('sr-Cyrl'), en: part('en') };
