// The advice library: every member of staff who talks to the public reads all articles
// (drafts included, to check them); supervisors edit and publish. The public reads published
// articles without signing in.
import type { Policy } from '../auth/policy';

export const advicePolicy: Policy<'read' | 'edit'> = {
  read: { counsellor: true, supervisor: true, analyst: true, 'prevention-coordinator': true, presenter: true },
  edit: { supervisor: true },
};
