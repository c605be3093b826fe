// Run-time settings are the administrators' (the public ones are shown on the public site anyway).
import type { Policy } from '../auth/policy';

export const settingsPolicy: Policy<'read' | 'update'> = {
  read: { administrator: true },
  update: { administrator: true },
};
