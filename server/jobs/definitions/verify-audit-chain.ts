// Every night: walk the audit chain and record the result, with the head hash, in the chain
// itself. A later cut-off of the log's tail then shows as a missing anchor entry.
import { z } from 'zod';
import { defineJob } from '../index';
import { recordAudit, verifyAuditChain } from '../../audit/log';

export const verifyAuditChainJob = defineJob({
  name: 'audit.verify-chain',
  payload: z.object({}),
  schedule: '17 3 * * *',
  retryLimit: 2,
  async handler(ctx) {
    const result = await verifyAuditChain(ctx.db);
    await recordAudit(ctx.db, {
      actor: null,
      action: result.ok ? 'audit.chain-verified' : 'audit.chain-broken',
      recordType: 'audit_log',
      details: { checked: result.checked, headHash: result.headHash, firstBrokenId: result.firstBrokenId },
    });
    if (!result.ok) throw new Error(`Audit chain broken at entry ${result.firstBrokenId}`);
  },
});
